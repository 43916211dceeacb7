import { SettingsReader, type JsonObject } from '@app/contract';
import { resolveUkSpecOptions } from '../../uk-spec.options.js';
import { accountAccessRules, futureExpiration } from './account-access.rules.js';

const NOW = Date.parse('2030-01-10T09:00:00Z');
const context = (env: Record<string, string> = {}) => ({
  nowMillis: NOW,
  options: resolveUkSpecOptions(new SettingsReader(env)),
});
const PERMISSIONS = 'Data.Permissions';

/** OBReadConsent1 as the journeys send it: accounts and transactions, an expiry ahead, a past window. */
function consent(data: JsonObject = {}, without: readonly string[] = []): JsonObject {
  const fields: JsonObject = {
    Permissions: [
      'ReadAccountsBasic',
      'ReadAccountsDetail',
      'ReadTransactionsDetail',
      'ReadTransactionsCredits',
      'ReadTransactionsDebits',
    ],
    ExpirationDateTime: '2030-07-10T09:00:00+00:00',
    TransactionFromDateTime: '2029-10-10T09:00:00+00:00',
    TransactionToDateTime: '2030-01-10T09:00:00+00:00',
    ...data,
  };
  for (const field of without) {
    delete fields[field];
  }
  return { Data: fields, Risk: {} };
}

const fieldInvalid = (message: string) => ({ status: 400, code: 'UK.OBIE.Field.Invalid', message, path: PERMISSIONS });

describe('accountAccessRules', () => {
  it.each([
    ["the journey's permissions with an expiry ahead", consent()],
    [
      'Basic and Detail of the same cluster together (UK-07)',
      consent({ Permissions: ['ReadAccountsBasic', 'ReadAccountsDetail'] }),
    ],
    ['ReadAccountsDetail without ReadAccountsBasic', consent({ Permissions: ['ReadAccountsDetail', 'ReadBalances'] })],
    [
      'ReadTransactionsBasic with ReadTransactionsDebits only',
      consent({ Permissions: ['ReadAccountsBasic', 'ReadTransactionsBasic', 'ReadTransactionsDebits'] }),
    ],
    ['no ExpirationDateTime (open-ended, §A.3)', consent({}, ['ExpirationDateTime'])],
    [
      'a transaction window of a single instant',
      consent({ TransactionFromDateTime: '2030-01-01T00:00:00+00:00', TransactionToDateTime: '2030-01-01T00:00:00Z' }),
    ],
    ['a window with only its start', consent({}, ['TransactionToDateTime'])],
  ])('accepts %s', (_case, body) => {
    expect(accountAccessRules(body, context())).toBeUndefined();
  });

  it('refuses a permission the bank does not serve (UK_SUPPORTED_PERMISSIONS), naming it: 400 Field.Invalid', () => {
    expect(
      accountAccessRules(
        consent(),
        context({
          UK_SUPPORTED_PERMISSIONS:
            'ReadAccountsBasic,ReadAccountsDetail,ReadTransactionsCredits,ReadTransactionsDebits',
        }),
      ),
    ).toEqual(fieldInvalid('The permission ReadTransactionsDetail is not supported by this bank'));
  });

  it.each([
    ['no permission at all (UK-03)', [], 'Permissions must include ReadAccountsBasic or ReadAccountsDetail'],
    [
      'no Accounts permission (UK-04)',
      ['ReadBalances'],
      'Permissions must include ReadAccountsBasic or ReadAccountsDetail',
    ],
    [
      'transactions without Credits or Debits (UK-05)',
      ['ReadAccountsBasic', 'ReadTransactionsBasic'],
      'ReadTransactionsBasic or ReadTransactionsDetail needs ReadTransactionsCredits or ReadTransactionsDebits',
    ],
    [
      'Detail transactions without Credits or Debits',
      ['ReadAccountsBasic', 'ReadTransactionsDetail'],
      'ReadTransactionsBasic or ReadTransactionsDetail needs ReadTransactionsCredits or ReadTransactionsDebits',
    ],
    [
      'Credits without Basic or Detail transactions (UK-06)',
      ['ReadAccountsBasic', 'ReadTransactionsCredits'],
      'ReadTransactionsCredits or ReadTransactionsDebits needs ReadTransactionsBasic or ReadTransactionsDetail',
    ],
    [
      'Debits without Basic or Detail transactions',
      ['ReadAccountsDetail', 'ReadTransactionsDebits'],
      'ReadTransactionsCredits or ReadTransactionsDebits needs ReadTransactionsBasic or ReadTransactionsDetail',
    ],
  ])('refuses %s: 400 Field.Invalid on Data.Permissions', (_case, permissions, message) => {
    expect(accountAccessRules(consent({ Permissions: permissions }), context())).toEqual(fieldInvalid(message));
  });

  it.each([
    ['in the past (UK-10)', '2030-01-09T09:00:00+00:00'],
    ['at this very instant', '2030-01-10T09:00:00+00:00'],
  ])('refuses an ExpirationDateTime %s: 400 Field.InvalidDate', (_case, expiry) => {
    expect(accountAccessRules(consent({ ExpirationDateTime: expiry }), context())).toEqual({
      status: 400,
      code: 'UK.OBIE.Field.InvalidDate',
      message: 'Data.ExpirationDateTime must be in the future',
      path: 'Data.ExpirationDateTime',
    });
  });

  it('refuses a TransactionToDateTime before TransactionFromDateTime (UK-11): 400 Field.InvalidDate on TransactionToDateTime', () => {
    expect(
      accountAccessRules(
        consent({
          TransactionFromDateTime: '2030-01-09T00:00:00+00:00',
          TransactionToDateTime: '2030-01-08T00:00:00+00:00',
        }),
        context(),
      ),
    ).toEqual({
      status: 400,
      code: 'UK.OBIE.Field.InvalidDate',
      message: 'TransactionToDateTime must not be before TransactionFromDateTime',
      path: 'Data.TransactionToDateTime',
    });
  });

  it('reports the first broken rule: a permission the bank does not serve before a missing Accounts permission, permissions before dates', () => {
    const everythingWrong = consent({ Permissions: ['ReadBalances'], ExpirationDateTime: '2029-01-01T00:00:00+00:00' });
    expect(accountAccessRules(everythingWrong, context({ UK_SUPPORTED_PERMISSIONS: 'ReadAccountsBasic' }))).toEqual(
      fieldInvalid('The permission ReadBalances is not supported by this bank'),
    );
    expect(accountAccessRules(everythingWrong, context())).toEqual(
      fieldInvalid('Permissions must include ReadAccountsBasic or ReadAccountsDetail'),
    );
  });
});

describe(futureExpiration.name, () => {
  it('accepts an expiry ahead, none, and a value that is no date (the schema refuses those first)', () => {
    expect(futureExpiration('2030-01-10T09:00:01+00:00', 'Data.ExpirationDateTime', NOW)).toBeUndefined();
    expect(futureExpiration(undefined, 'Data.ExpirationDateTime', NOW)).toBeUndefined();
    expect(futureExpiration('not-a-date', 'Data.ExpirationDateTime', NOW)).toBeUndefined();
  });

  it('refuses an expiry not ahead with the path it is given', () => {
    expect(futureExpiration('2030-01-10T09:00:00Z', 'Data.Somewhere', NOW)).toEqual({
      status: 400,
      code: 'UK.OBIE.Field.InvalidDate',
      message: 'Data.Somewhere must be in the future',
      path: 'Data.Somewhere',
    });
  });
});
