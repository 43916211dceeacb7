import { DEMO_BANK_DATA, loadBankDataImportFile } from '@app/bank-backend';
import {
  BankDataRepository,
  createDataSource,
  describeDatabase,
  parseDatabaseUrl,
  runMigrations,
} from '@app/persistence';
import { parseCliArguments } from './cli-arguments.js';

/**
 * `npm run seed` loads the demo customers and accounts into the embedded bank of DATABASE_URL;
 * `npm run seed -- --file bank.json` imports a bank's own customers instead (an upsert; the format is in
 * libs/bank-backend/README.md).
 */
const USAGE = 'Usage: npm run seed [-- --file bank.json]';
const args = parseCliArguments({ file: { type: 'string' } }, USAGE);
const databaseUrl = process.env['DATABASE_URL']?.trim() || undefined;

try {
  const data = args.file ? await loadBankDataImportFile(args.file) : DEMO_BANK_DATA;
  const dataSource = await createDataSource(databaseUrl);
  try {
    await runMigrations(dataSource);
    const summary = await new BankDataRepository(dataSource).importBankData(data);
    const source = args.file ?? 'the demo data';
    process.stdout.write(
      `Imported ${summary.customers} customers and ${summary.accounts} accounts from ${source} into ${describeDatabase(parseDatabaseUrl(databaseUrl))}\n`,
    );
  } finally {
    await dataSource.destroy();
  }
} catch (error) {
  process.stderr.write(`Seeding failed: ${(error as Error).message}\n`);
  process.exit(1);
}
