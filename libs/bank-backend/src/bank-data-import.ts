import { readFile } from 'node:fs/promises';
import { InvalidBankDataError, validateBankDataSet, type BankDataSet } from '@app/persistence';

/**
 * Reads the JSON import format, `{ "customers": [{ "userId", "displayName", "accounts": [BankAccountView…] }] }`,
 * in which a joint account is listed, identically, under each of its holders. Throws InvalidBankDataError naming the
 * first bad field by its path, e.g. `customers[2].accounts[0].iban: is not a valid IBAN…`.
 */
export function parseBankDataImport(json: string): BankDataSet {
  let document: unknown;
  try {
    document = JSON.parse(json) as unknown;
  } catch (error) {
    throw new InvalidBankDataError(
      '$',
      `is not valid JSON (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  return validateBankDataSet(document);
}

/** Reads and checks an import file (for `npm run seed -- --file bank.json`); errors name the file. */
export async function loadBankDataImportFile(path: string): Promise<BankDataSet> {
  const json = await readFile(path, 'utf8');
  try {
    return parseBankDataImport(json);
  } catch (error) {
    if (error instanceof InvalidBankDataError) {
      throw new InvalidBankDataError(`${path}: ${error.path}`, error.problem);
    }
    throw error;
  }
}
