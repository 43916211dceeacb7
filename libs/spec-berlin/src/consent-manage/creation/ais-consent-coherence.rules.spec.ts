import { additionalInformationError, oneOffFrequencyError } from './ais-consent-coherence.rules.js';

const IBAN = { iban: 'DE40100100103307118608' };

describe(oneOffFrequencyError.name, () => {
  it.each([
    ['a one-off consent with frequencyPerDay 1', { recurringIndicator: false, frequencyPerDay: 1 }],
    ['a recurring consent with frequencyPerDay 4', { recurringIndicator: true, frequencyPerDay: 4 }],
    ['a recurring consent with frequencyPerDay 1', { recurringIndicator: true, frequencyPerDay: 1 }],
  ])('accepts %s', (_case, body) => {
    expect(oneOffFrequencyError(body)).toBeUndefined();
  });

  it.each([2, 4, 10])(
    'refuses a one-off consent with frequencyPerDay %d: 400 FORMAT_ERROR on frequencyPerDay',
    (frequencyPerDay) => {
      expect(oneOffFrequencyError({ recurringIndicator: false, frequencyPerDay })).toEqual({
        httpStatus: 400,
        code: 'FORMAT_ERROR',
        text: expect.stringContaining('one-off'),
        path: 'frequencyPerDay',
      });
    },
  );
});

describe(additionalInformationError.name, () => {
  it.each([
    ['no additionalInformation', { allPsd2: 'allAccounts' }],
    ['ownerName of a named account', { accounts: [IBAN], additionalInformation: { ownerName: [IBAN] } }],
    [
      'an empty ownerName with empty (bank-offered) arrays',
      { accounts: [], balances: [], additionalInformation: { ownerName: [] } },
    ],
    [
      'trustedBeneficiaries with transactions only',
      { transactions: [IBAN], additionalInformation: { trustedBeneficiaries: [] } },
    ],
  ])('accepts %s', (_case, access) => {
    expect(additionalInformationError(access)).toBeUndefined();
  });

  it.each([
    ['a global consent', { allPsd2: 'allAccounts', additionalInformation: { ownerName: [] } }],
    [
      'a list-of-accounts consent',
      { availableAccounts: 'allAccounts', additionalInformation: { trustedBeneficiaries: [] } },
    ],
    ['an empty additionalInformation without arrays', { additionalInformation: {} }],
  ])('refuses additionalInformation in %s: 400 FORMAT_ERROR on access.additionalInformation', (_case, access) => {
    expect(additionalInformationError(access)).toEqual({
      httpStatus: 400,
      code: 'FORMAT_ERROR',
      text: "Value 'additionalInformation' requires at least one of 'accounts', 'balances' or 'transactions' in 'access'",
      path: 'access.additionalInformation',
    });
  });

  it('refuses an empty ownerName beside named accounts: 400 FORMAT_ERROR on its path', () => {
    expect(additionalInformationError({ balances: [IBAN], additionalInformation: { ownerName: [] } })).toMatchObject({
      httpStatus: 400,
      code: 'FORMAT_ERROR',
      path: 'access.additionalInformation.ownerName',
    });
  });
});
