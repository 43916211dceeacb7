import type { BankAccountData } from '@app/persistence';
import { accountLabel, readAccountReference, referenceMatches } from './account-reference.js';

const CHECKSUM = { ibanChecksum: true };
const CARD: BankAccountData = {
  accountId: 'CC-1',
  displayName: 'Card',
  currency: 'GBP',
  accountType: 'Retail',
  accountSubType: 'CreditCard',
  schemeName: 'UK.OBIE.PAN',
  identification: '5555555555554444',
  holderName: 'A',
  status: 'Enabled',
  payable: false,
};
const EURO: BankAccountData = {
  ...CARD,
  accountId: 'DE89370400440532013000',
  schemeName: 'IBAN',
  identification: 'DE89370400440532013000',
  iban: 'DE89370400440532013000',
  currency: 'EUR',
};

describe('account references (§B.3)', () => {
  it.each([
    [{ iban: 'DE89370400440532013000' }],
    [{ bban: '370400440532013000', currency: 'EUR' }],
    [{ pan: '5555555555554444' }],
    [{ maskedPan: '555555xxxxxx4444' }],
  ])('accepts %j', (value) => {
    expect(readAccountReference(value, 'accounts[0]', CHECKSUM)).toHaveProperty('reference');
  });

  it.each([
    [{ iban: 'DE89370400440532013001' }, "Invalid 'IBAN' format"],
    [{ iban: 'de89370400440532013000' }, "Invalid 'IBAN' format"],
    [{ bban: 'with space' }, "Invalid 'BBAN' format"],
    [{ iban: 'DE89370400440532013000', currency: 'eur' }, "Value 'currency' has wrong format"],
    [{ iban: 'DE89370400440532013000', pan: '5555555555554444' }, 'Only one account reference parameter is allowed'],
    [{ other: { identification: 'x' } }, 'Attribute other is not supported by the ASPSP'],
    [{ iban: 42 }, "Value 'iban' has wrong format"],
    ['DE89370400440532013000', "Value 'accounts[0]' should be an account reference object"],
  ])('refuses %j: %s', (value, text) => {
    expect(readAccountReference(value, 'accounts[0]', CHECKSUM)).toEqual({
      error: expect.objectContaining({ httpStatus: 400, code: 'FORMAT_ERROR', text }) as unknown,
    });
  });

  it('accepts a bad checksum when the ASPSP does not check it', () => {
    expect(readAccountReference({ iban: 'DE89370400440532013001' }, 'a', { ibanChecksum: false })).toHaveProperty(
      'reference',
    );
  });

  it('matches a reference to a bank account by IBAN, BBAN, PAN or masked PAN, and currency', () => {
    const read = (value: unknown) => {
      const reading = readAccountReference(value, 'a', CHECKSUM);
      if ('error' in reading) {
        throw new Error(reading.error.text);
      }
      return reading.reference;
    };
    expect(referenceMatches(read({ iban: 'DE89370400440532013000' }), EURO)).toBe(true);
    expect(referenceMatches(read({ iban: 'DE89370400440532013000', currency: 'USD' }), EURO)).toBe(false);
    expect(referenceMatches(read({ bban: '370400440532013000' }), EURO)).toBe(true);
    expect(referenceMatches(read({ maskedPan: '555555xxxxxx4444' }), CARD)).toBe(true);
    expect(referenceMatches(read({ maskedPan: '555555xxxxxx4443' }), CARD)).toBe(false);
    expect(referenceMatches(read({ pan: '5555555555554444' }), EURO)).toBe(false);
  });

  it('labels an account with its IBAN, a card with its number masked', () => {
    expect(accountLabel(EURO)).toBe('Card (DE89370400440532013000)');
    expect(accountLabel(CARD)).toBe('Card (555555xxxxxx4444)');
  });
});
