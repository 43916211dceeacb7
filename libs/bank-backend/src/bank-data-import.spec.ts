import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvalidBankDataError } from '@app/persistence';
import { loadBankDataImportFile, parseBankDataImport } from './bank-data-import.js';
import { DEMO_BANK_DATA } from './demo-bank-data.js';

const ACCOUNT = {
  accountId: 'acc-1',
  displayName: 'Everyday',
  currency: 'GBP',
  accountType: 'Retail',
  accountSubType: 'CurrentAccount',
  schemeName: 'UK.OBIE.SortCodeAccountNumber',
  identification: '40000012345678',
  holderName: 'Jane Doe',
  status: 'Enabled',
  payable: true,
};

describe('parseBankDataImport', () => {
  it('reads the import format', () => {
    const file = { customers: [{ userId: 'jane@example.com', displayName: 'Jane Doe', accounts: [ACCOUNT] }] };

    expect(parseBankDataImport(JSON.stringify(file))).toEqual(file);
  });

  it('reads back the demo data it was written from', () => {
    expect(parseBankDataImport(JSON.stringify(DEMO_BANK_DATA))).toEqual(DEMO_BANK_DATA);
  });

  it('refuses text that is not JSON', () => {
    expect(() => parseBankDataImport('{"customers": [')).toThrow(InvalidBankDataError);
    expect(() => parseBankDataImport('{"customers": [')).toThrow(/^\$: is not valid JSON/);
  });

  it.each<[string, unknown, string]>([
    ['a list instead of the document', [], '$: must be an object'],
    [
      'a missing display name',
      { customers: [{ userId: 'a', accounts: [] }] },
      'customers[0].displayName: must be a non-empty string',
    ],
    [
      'an invalid IBAN deep in the file',
      {
        customers: [
          {
            userId: 'a',
            displayName: 'A',
            accounts: [ACCOUNT, { ...ACCOUNT, accountId: 'acc-2', iban: 'GB00NWBK60161331926819' }],
          },
        ],
      },
      'customers[0].accounts[1].iban: is not a valid IBAN',
    ],
    [
      'a misspelt field',
      { customers: [{ userId: 'a', displayName: 'A', acounts: [] }] },
      'customers[0].acounts: is not a known field',
    ],
  ])('names the first bad field of %s', (_, document, message) => {
    expect(() => parseBankDataImport(JSON.stringify(document))).toThrow(message);
  });
});

describe('loadBankDataImportFile', () => {
  let directory: string;

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'bank-import-'));
  });

  afterAll(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('reads a file, and names the file in its errors', async () => {
    const good = join(directory, 'bank.json');
    const bad = join(directory, 'bad.json');
    await writeFile(good, JSON.stringify({ customers: [] }));
    await writeFile(bad, JSON.stringify({ customers: [{ userId: '', displayName: 'x', accounts: [] }] }));

    expect(await loadBankDataImportFile(good)).toEqual({ customers: [] });
    await expect(loadBankDataImportFile(bad)).rejects.toThrow(
      `${bad}: customers[0].userId: must be a non-empty string`,
    );
    await expect(loadBankDataImportFile(join(directory, 'missing.json'))).rejects.toThrow('ENOENT');
  });
});
