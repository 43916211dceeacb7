import { ACCOUNT_SCHEMES, accountIdentificationRejection } from './account-identification.rules.js';

const PATH = 'Data.Initiation.CreditorAccount';
const SCHEMES = 'UK.OBIE.BBAN, UK.OBIE.IBAN, UK.OBIE.PAN, UK.OBIE.Paym, UK.OBIE.SortCodeAccountNumber, UK.OBIE.Wallet';

describe(accountIdentificationRejection.name, () => {
  it.each([
    [
      'a sort code and account number of 14 digits',
      { SchemeName: 'UK.OBIE.SortCodeAccountNumber', Identification: '08080021325698' },
    ],
    ['an IBAN with a good checksum', { SchemeName: 'UK.OBIE.IBAN', Identification: 'DE89370400440532013000' }],
    ["a PAN (its form is the bank's)", { SchemeName: 'UK.OBIE.PAN', Identification: '5409050000000000' }],
    ['a Paym mobile number', { SchemeName: 'UK.OBIE.Paym', Identification: '+447700900123' }],
  ])('accepts %s', (_case, account) => {
    expect(accountIdentificationRejection(account, PATH)).toBeUndefined();
  });

  it('knows the six schemes of OBExternalAccountIdentification4Code', () => {
    expect(ACCOUNT_SCHEMES.join(', ')).toBe(SCHEMES);
  });

  it.each([
    ['an unknown scheme (UK-26)', 'UK.OBIE.Foo'],
    ['a scheme without its namespace', 'SortCodeAccountNumber'],
  ])('refuses %s: 400 Unsupported.Scheme on its SchemeName', (_case, scheme) => {
    expect(accountIdentificationRejection({ SchemeName: scheme, Identification: '08080021325698' }, PATH)).toEqual({
      status: 400,
      code: 'UK.OBIE.Unsupported.Scheme',
      message: `${PATH}.SchemeName "${scheme}" is not supported (accepted: ${SCHEMES})`,
      path: `${PATH}.SchemeName`,
    });
  });

  it('refuses an account without SchemeName as an empty scheme', () => {
    expect(accountIdentificationRejection({ Identification: '08080021325698' }, 'Data.DebtorAccount')).toEqual({
      status: 400,
      code: 'UK.OBIE.Unsupported.Scheme',
      message: `Data.DebtorAccount.SchemeName "" is not supported (accepted: ${SCHEMES})`,
      path: 'Data.DebtorAccount.SchemeName',
    });
  });

  it.each([
    ['13 digits (UK-27)', '0808002132569'],
    ['15 digits', '080800213256981'],
    ['a sort code written with dashes', '08-08-0021325698'],
  ])('refuses a sort code and account number of %s: 400 Unsupported.AccountIdentifier', (_case, identification) => {
    expect(
      accountIdentificationRejection(
        { SchemeName: 'UK.OBIE.SortCodeAccountNumber', Identification: identification },
        PATH,
      ),
    ).toEqual({
      status: 400,
      code: 'UK.OBIE.Unsupported.AccountIdentifier',
      message: `${PATH}.Identification must be a 6-digit sort code and an 8-digit account number`,
      path: `${PATH}.Identification`,
    });
  });

  it('refuses an IBAN with a bad checksum: 400 Unsupported.AccountIdentifier', () => {
    expect(
      accountIdentificationRejection({ SchemeName: 'UK.OBIE.IBAN', Identification: 'GB00LOYD30080012343456' }, PATH),
    ).toEqual({
      status: 400,
      code: 'UK.OBIE.Unsupported.AccountIdentifier',
      message: `${PATH}.Identification is not a valid IBAN`,
      path: `${PATH}.Identification`,
    });
  });
});
