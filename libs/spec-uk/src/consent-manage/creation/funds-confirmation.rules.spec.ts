import { SettingsReader, type JsonObject } from '@app/contract';
import { resolveUkSpecOptions } from '../../uk-spec.options.js';
import { fundsConfirmationRules } from './funds-confirmation.rules.js';

const NOW = Date.parse('2030-01-10T09:00:00Z');
const CONTEXT = { nowMillis: NOW, options: resolveUkSpecOptions(new SettingsReader({})) };

function consent(data: JsonObject = {}): JsonObject {
  return {
    Data: {
      ExpirationDateTime: '2030-04-10T09:00:00+00:00',
      DebtorAccount: {
        SchemeName: 'UK.OBIE.SortCodeAccountNumber',
        Identification: '11280001234567',
        Name: 'Alex Morgan',
      },
      ...data,
    },
  };
}

describe('fundsConfirmationRules', () => {
  it('accepts an expiry ahead with a usable debtor account, and no expiry (open-ended)', () => {
    expect(fundsConfirmationRules(consent(), CONTEXT)).toBeUndefined();
    const openEnded = consent();
    delete (openEnded['Data'] as JsonObject)['ExpirationDateTime'];
    expect(fundsConfirmationRules(openEnded, CONTEXT)).toBeUndefined();
  });

  it('refuses an expiry in the past (A.7): 400 Field.InvalidDate on Data.ExpirationDateTime', () => {
    expect(fundsConfirmationRules(consent({ ExpirationDateTime: '2030-01-09T09:00:00+00:00' }), CONTEXT)).toEqual({
      status: 400,
      code: 'UK.OBIE.Field.InvalidDate',
      message: 'Data.ExpirationDateTime must be in the future',
      path: 'Data.ExpirationDateTime',
    });
  });

  it.each([
    [
      'an unknown scheme',
      { SchemeName: 'UK.OBIE.Foo', Identification: '11280001234567' },
      'UK.OBIE.Unsupported.Scheme',
      'Data.DebtorAccount.SchemeName',
    ],
    [
      'a sort code of 13 digits',
      { SchemeName: 'UK.OBIE.SortCodeAccountNumber', Identification: '1128000123456' },
      'UK.OBIE.Unsupported.AccountIdentifier',
      'Data.DebtorAccount.Identification',
    ],
    [
      'an IBAN with a bad checksum',
      { SchemeName: 'UK.OBIE.IBAN', Identification: 'DE89370400440532013001' },
      'UK.OBIE.Unsupported.AccountIdentifier',
      'Data.DebtorAccount.Identification',
    ],
  ])('refuses a debtor account with %s, on Data.DebtorAccount', (_case, account, code, path) => {
    expect(fundsConfirmationRules(consent({ DebtorAccount: account }), CONTEXT)).toMatchObject({
      status: 400,
      code,
      path,
    });
  });

  it('checks the expiry before the account', () => {
    expect(
      fundsConfirmationRules(
        consent({ ExpirationDateTime: '2029-01-01T00:00:00+00:00', DebtorAccount: { SchemeName: 'UK.OBIE.Foo' } }),
        CONTEXT,
      ),
    ).toMatchObject({
      code: 'UK.OBIE.Field.InvalidDate',
      path: 'Data.ExpirationDateTime',
    });
  });
});
