import {
  createDataSource,
  describeDatabase,
  parseDatabaseUrl,
  revertLastMigration,
  runMigrations,
} from '@app/persistence';
import { parseCliArguments } from './cli-arguments.js';

/**
 * `npm run migrate` applies pending migrations to DATABASE_URL (the service also does it at boot);
 * `npm run migrate -- --revert` reverts the last one.
 */
const USAGE = 'Usage: npm run migrate [-- --revert]   (database: DATABASE_URL, default the embedded SQLite file)';
const args = parseCliArguments({ revert: { type: 'boolean', default: false } }, USAGE);
const databaseUrl = process.env['DATABASE_URL']?.trim() || undefined;

try {
  const dataSource = await createDataSource(databaseUrl);
  try {
    const where = describeDatabase(parseDatabaseUrl(databaseUrl));
    if (args.revert) {
      const reverted = await revertLastMigration(dataSource);
      process.stdout.write(reverted ? `Reverted ${reverted} on ${where}\n` : `Nothing to revert on ${where}\n`);
    } else {
      const applied = await runMigrations(dataSource);
      process.stdout.write(
        applied.length > 0 ? `Applied ${applied.join(', ')} on ${where}\n` : `${where} is up to date\n`,
      );
    }
  } finally {
    await dataSource.destroy();
  }
} catch (error) {
  process.stderr.write(`Migration failed: ${(error as Error).message}\n`);
  process.exit(1);
}
