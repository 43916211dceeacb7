import { fileAgainstConsentRejection } from './file-against-consent.rules.js';
import type { PaymentFileSummary } from './payment-file-summary.js';

const SUMMARY: PaymentFileSummary = {
  transactions: 3,
  controlSum: 345_930_000n,
  totals: [{ currency: 'GBP', amount: 345_930_000n }],
  debtorAccounts: [{ identification: '30080098763459', path: 'Data.DomesticPayments[0].DebtorAccount' }],
};

describe(fileAgainstConsentRejection.name, () => {
  it('accepts a file that agrees with the metadata, and metadata that declares nothing', () => {
    expect(
      fileAgainstConsentRejection(SUMMARY, {
        NumberOfTransactions: '3',
        ControlSum: 3459.3,
        DebtorAccount: { SchemeName: 'UK.OBIE.SortCodeAccountNumber', Identification: '30080098763459' },
      }),
    ).toBeUndefined();
    expect(fileAgainstConsentRejection(SUMMARY, { NumberOfTransactions: '003' })).toBeUndefined();
    expect(fileAgainstConsentRejection(SUMMARY, {})).toBeUndefined();
  });

  it.each([
    [
      'another count',
      { NumberOfTransactions: '4' },
      'Data.Initiation.NumberOfTransactions',
      'The consent declares 4 transactions; the file holds 3',
    ],
    [
      'another total',
      { ControlSum: 3459.31 },
      'Data.Initiation.ControlSum',
      "The consent declares a ControlSum of 3459.31; the file's amounts add up to 3459.30",
    ],
    [
      'another debtor account',
      { DebtorAccount: { SchemeName: 'UK.OBIE.SortCodeAccountNumber', Identification: '60161331926819' } },
      'Data.Initiation.DebtorAccount',
      "Data.DomesticPayments[0].DebtorAccount is not the consent's DebtorAccount",
    ],
  ])('refuses %s: 400 UK.OBIE.Resource.ConsentMismatch on the metadata field', (_case, initiation, path, message) => {
    expect(fileAgainstConsentRejection(SUMMARY, initiation)).toEqual({
      status: 400,
      code: 'UK.OBIE.Resource.ConsentMismatch',
      message,
      path,
    });
  });

  it('refuses a file debiting two accounts when the consent names none (400 UK.OBIE.Field.Invalid)', () => {
    const two: PaymentFileSummary = {
      ...SUMMARY,
      debtorAccounts: [
        ...SUMMARY.debtorAccounts,
        { identification: '60161331926819', path: 'Data.DomesticPayments[2].DebtorAccount' },
      ],
    };
    expect(fileAgainstConsentRejection(two, {})).toMatchObject({
      status: 400,
      code: 'UK.OBIE.Field.Invalid',
      path: 'Data.DomesticPayments[2].DebtorAccount',
    });
  });
});
