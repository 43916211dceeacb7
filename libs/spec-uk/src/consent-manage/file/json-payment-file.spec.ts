import { SettingsReader } from '@app/contract';
import { ukPaymentInitiationFile } from '@app/testing';
import { UkOfficialSchemas } from '../../schemas/uk-official-schemas.js';
import { resolveUkSpecOptions } from '../../uk-spec.options.js';
import { readJsonPaymentFile } from './json-payment-file.js';
import { summarisePaymentFile } from './payment-file-summary.js';

const schemas = new UkOfficialSchemas();
const context = {
  nowMillis: Date.parse('2026-12-01T00:00:00Z'),
  options: resolveUkSpecOptions(new SettingsReader({})),
};
const read = (content: string) => readJsonPaymentFile(content, schemas.domesticPaymentCheck, context);

function mutatedFile(change: (payments: Array<Record<string, unknown>>) => void): string {
  const document = JSON.parse(ukPaymentInitiationFile()) as {
    Data: { DomesticPayments: Array<Record<string, unknown>> };
  };
  change(document.Data.DomesticPayments);
  return JSON.stringify(document);
}

describe(readJsonPaymentFile.name, () => {
  it('reads each domestic payment: amount, currency and debtor account', () => {
    const reading = read(ukPaymentInitiationFile());
    expect('contents' in reading && summarisePaymentFile(reading.contents)).toEqual({
      transactions: 3,
      controlSum: 345_930_000n,
      totals: [{ currency: 'GBP', amount: 345_930_000n }],
      debtorAccounts: [
        {
          identification: '30080098763459',
          schemeName: 'UK.OBIE.SortCodeAccountNumber',
          path: 'Data.DomesticPayments[0].DebtorAccount',
        },
      ],
    });
  });

  it.each([
    ['text that is not JSON', '<Document/>', 'UK.OBIE.Resource.InvalidFormat', undefined],
    ['no DomesticPayments', '{"Data":{}}', 'UK.OBIE.Resource.InvalidFormat', 'Data.DomesticPayments'],
    [
      'an empty DomesticPayments',
      '{"Data":{"DomesticPayments":[]}}',
      'UK.OBIE.Resource.InvalidFormat',
      'Data.DomesticPayments',
    ],
    [
      'a payment that is not an object',
      '{"Data":{"DomesticPayments":[5]}}',
      'UK.OBIE.Field.Invalid',
      'Data.DomesticPayments[0]',
    ],
    [
      'a payment without InstructedAmount',
      mutatedFile((payments) => delete payments[1]['InstructedAmount']),
      'UK.OBIE.Field.Missing',
      'Data.DomesticPayments[1].InstructedAmount',
    ],
    [
      'an amount of six decimals',
      mutatedFile((payments) => (payments[2]['InstructedAmount'] = { Amount: '1.000001', Currency: 'GBP' })),
      'UK.OBIE.Field.Invalid',
      'Data.DomesticPayments[2].InstructedAmount.Amount',
    ],
    [
      'an amount of 0',
      mutatedFile((payments) => (payments[0]['InstructedAmount'] = { Amount: '0.00', Currency: 'GBP' })),
      'UK.OBIE.Field.Invalid',
      'Data.DomesticPayments[0].InstructedAmount.Amount',
    ],
    [
      'an unsupported currency',
      mutatedFile((payments) => (payments[0]['InstructedAmount'] = { Amount: '1.00', Currency: 'JPY' })),
      'UK.OBIE.Unsupported.Currency',
      'Data.DomesticPayments[0].InstructedAmount.Currency',
    ],
    [
      'an unknown field',
      mutatedFile((payments) => (payments[0]['Urgency'] = 'High')),
      'UK.OBIE.Resource.InvalidFormat',
      'Data.DomesticPayments[0].Urgency',
    ],
    [
      'a creditor sort code of 13 digits',
      mutatedFile(
        (payments) => ((payments[1]['CreditorAccount'] as Record<string, unknown>)['Identification'] = '0808002132569'),
      ),
      'UK.OBIE.Unsupported.AccountIdentifier',
      'Data.DomesticPayments[1].CreditorAccount.Identification',
    ],
  ])('refuses %s, naming the place in the file', (_case, content, code, path) => {
    const reading = read(content);
    expect('rejection' in reading && reading.rejection).toMatchObject({
      status: 400,
      code,
      ...(path === undefined ? {} : { path }),
    });
    if ('rejection' in reading && path !== undefined) {
      expect(reading.rejection.message).not.toContain('Data.Initiation');
    }
  });
});
