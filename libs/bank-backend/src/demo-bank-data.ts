import type { BankAccountData, BankDataSet } from '@app/persistence';

const SORT_CODE_ACCOUNT_NUMBER = 'UK.OBIE.SortCodeAccountNumber';

// The two accounts of the WSO2 Financial Services Accelerator's own demo, with the same ids, so that its sample
// flows work unchanged against the embedded bank.
const SALARY_SAVER: BankAccountData = {
  accountId: '30080012343456',
  displayName: 'Salary Saver Account',
  currency: 'GBP',
  accountType: 'Retail',
  accountSubType: 'Savings',
  schemeName: SORT_CODE_ACCOUNT_NUMBER,
  identification: '30080012343456',
  holderName: 'Alex Morgan',
  iban: 'GB38LOYD30080012343456',
  status: 'Enabled',
  payable: false,
};

const MAX_BONUS: BankAccountData = {
  accountId: '30080098763459',
  displayName: 'Max Bonus Account',
  currency: 'GBP',
  accountType: 'Retail',
  accountSubType: 'CurrentAccount',
  schemeName: SORT_CODE_ACCOUNT_NUMBER,
  identification: '30080098763459',
  holderName: 'Alex Morgan',
  iban: 'GB98LOYD30080098763459',
  status: 'Enabled',
  payable: true,
};

const EVERYDAY_CURRENT: BankAccountData = {
  accountId: '60161331926819',
  displayName: 'Everyday Current Account',
  currency: 'GBP',
  accountType: 'Retail',
  accountSubType: 'CurrentAccount',
  schemeName: SORT_CODE_ACCOUNT_NUMBER,
  // Sort code 60-16-13, account number 31926819.
  identification: '60161331926819',
  secondaryIdentification: 'ROLL-0042',
  holderName: 'Alex Morgan',
  iban: 'GB29NWBK60161331926819',
  status: 'Enabled',
  payable: true,
};

const EURO_ACCOUNT: BankAccountData = {
  accountId: 'DE89370400440532013000',
  displayName: 'Euro Travel Account',
  currency: 'EUR',
  accountType: 'Retail',
  accountSubType: 'CurrentAccount',
  schemeName: 'UK.OBIE.IBAN',
  identification: 'DE89370400440532013000',
  holderName: 'Alex Morgan',
  iban: 'DE89370400440532013000',
  status: 'Enabled',
  payable: true,
};

const DIRHAM_ACCOUNT: BankAccountData = {
  accountId: 'AE070331234567890123456',
  displayName: 'Dirham Current Account',
  currency: 'AED',
  accountType: 'Retail',
  accountSubType: 'CurrentAccount',
  schemeName: 'IBAN',
  identification: 'AE070331234567890123456',
  holderName: 'Alex Morgan',
  iban: 'AE070331234567890123456',
  status: 'Enabled',
  payable: true,
};

const CREDIT_CARD: BankAccountData = {
  accountId: 'CC-5555555555554444',
  displayName: 'Platinum Credit Card',
  currency: 'GBP',
  accountType: 'Retail',
  accountSubType: 'CreditCard',
  schemeName: 'UK.OBIE.PAN',
  // A card-network test number: it passes the Luhn check and can never be charged.
  identification: '5555555555554444',
  holderName: 'Alex Morgan',
  status: 'Enabled',
  payable: false,
};

const ADMIN_CURRENT: BankAccountData = {
  accountId: '30080012345678',
  displayName: 'Administrator Current Account',
  currency: 'GBP',
  accountType: 'Retail',
  accountSubType: 'CurrentAccount',
  schemeName: SORT_CODE_ACCOUNT_NUMBER,
  identification: '30080012345678',
  holderName: 'Sam Taylor',
  iban: 'GB87LOYD30080012345678',
  status: 'Enabled',
  payable: true,
};

const JOINT_BUSINESS: BankAccountData = {
  accountId: '20000055779911',
  displayName: 'Business Current Account',
  currency: 'GBP',
  accountType: 'SME',
  accountSubType: 'CurrentAccount',
  schemeName: SORT_CODE_ACCOUNT_NUMBER,
  identification: '20000055779911',
  holderName: 'Morgan & Taylor Trading Ltd',
  iban: 'GB60BARC20000055779911',
  status: 'Enabled',
  payable: true,
};

/**
 * The demo bank seeded into an empty embedded database: the accelerator's demo user with accounts of every kind a
 * specification handles (sort code, IBAN in three currencies, a card that cannot pay), an administrator, and a
 * business sharing a joint account with the demo user. Every IBAN has a valid checksum. Every account but the card
 * has an available balance in its own currency, so funds confirmations answer both ways (165.88 GBP from the Max
 * Bonus Account: yes; 5,000.00 GBP: no).
 */
export const DEMO_BANK_DATA: BankDataSet = {
  customers: [
    {
      userId: 'psu@wso2.com',
      displayName: 'Alex Morgan',
      accounts: [SALARY_SAVER, MAX_BONUS, EVERYDAY_CURRENT, EURO_ACCOUNT, DIRHAM_ACCOUNT, CREDIT_CARD, JOINT_BUSINESS],
    },
    { userId: 'admin@wso2.com', displayName: 'Sam Taylor', accounts: [ADMIN_CURRENT] },
    { userId: 'sme@example.com', displayName: 'Morgan & Taylor Trading Ltd', accounts: [JOINT_BUSINESS] },
  ],
  balances: [
    { accountId: SALARY_SAVER.accountId, currency: 'GBP', amount: '12000.00' },
    { accountId: MAX_BONUS.accountId, currency: 'GBP', amount: '2500.00' },
    { accountId: EVERYDAY_CURRENT.accountId, currency: 'GBP', amount: '1250.00' },
    { accountId: EURO_ACCOUNT.accountId, currency: 'EUR', amount: '3000.00' },
    { accountId: DIRHAM_ACCOUNT.accountId, currency: 'AED', amount: '10000.00' },
    { accountId: ADMIN_CURRENT.accountId, currency: 'GBP', amount: '800.00' },
    { accountId: JOINT_BUSINESS.accountId, currency: 'GBP', amount: '50000.00' },
  ],
};
