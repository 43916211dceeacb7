import { isValidIban, validateBankDataSet } from '@app/persistence';
import { DEMO_BANK_DATA } from './demo-bank-data.js';

const accountsOf = (userId: string) =>
  DEMO_BANK_DATA.customers.find((customer) => customer.userId === userId)?.accounts ?? [];

describe('DEMO_BANK_DATA', () => {
  it('is valid import data', () => {
    expect(validateBankDataSet(DEMO_BANK_DATA)).toEqual(DEMO_BANK_DATA);
  });

  it("holds the accelerator's two demo accounts for psu@wso2.com", () => {
    expect(accountsOf('psu@wso2.com')).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          accountId: '30080012343456',
          displayName: 'Salary Saver Account',
          currency: 'GBP',
          accountSubType: 'Savings',
          payable: false,
        }),
        expect.objectContaining({
          accountId: '30080098763459',
          displayName: 'Max Bonus Account',
          currency: 'GBP',
          accountSubType: 'CurrentAccount',
          payable: true,
        }),
      ]),
    );
  });

  it('covers sort code, EUR and AED IBAN accounts and a card that cannot pay', () => {
    const accounts = accountsOf('psu@wso2.com');

    expect(accounts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          currency: 'GBP',
          accountSubType: 'CurrentAccount',
          schemeName: 'UK.OBIE.SortCodeAccountNumber',
        }),
        expect.objectContaining({ currency: 'EUR', iban: 'DE89370400440532013000' }),
        expect.objectContaining({ currency: 'AED', iban: 'AE070331234567890123456' }),
        expect.objectContaining({ accountSubType: 'CreditCard', payable: false }),
      ]),
    );
  });

  it('gives admin@wso2.com one account and shares a business account between sme@example.com and psu@wso2.com', () => {
    expect(accountsOf('admin@wso2.com')).toHaveLength(1);
    const [business] = accountsOf('sme@example.com');
    expect(business).toMatchObject({ accountType: 'SME' });
    expect(accountsOf('psu@wso2.com')).toContainEqual(business);
  });

  it('uses checksum-valid IBANs only', () => {
    const ibans = DEMO_BANK_DATA.customers.flatMap(({ accounts }) =>
      accounts.flatMap(({ iban }) => (iban === undefined ? [] : [iban])),
    );

    expect(ibans.length).toBeGreaterThanOrEqual(5);
    expect(ibans.filter((iban) => !isValidIban(iban))).toEqual([]);
  });
});
