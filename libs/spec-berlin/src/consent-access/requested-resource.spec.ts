import { requestedResource } from './requested-resource.js';

const at = (resource: string, extra: Record<string, string> = {}) =>
  requestedResource({ resourceParams: { resource, ...extra } });

describe('the XS2A resource of an API call', () => {
  it.each([
    [
      '/v1/accounts',
      {
        service: 'ais',
        endpoint: 'accounts',
        rights: ['accounts', 'availableAccounts', 'availableAccountsWithBalance'],
      },
    ],
    [
      '/v1/accounts?withBalance=true',
      { service: 'ais', endpoint: 'accounts', rights: ['balances', 'availableAccountsWithBalance'] },
    ],
    [
      '/psd2/v1/accounts/DE89370400440532013000',
      { service: 'ais', endpoint: 'account', accountId: 'DE89370400440532013000', rights: ['accounts'] },
    ],
    [
      '/v1/accounts/30080012343456/balances',
      { service: 'ais', endpoint: 'balances', accountId: '30080012343456', rights: ['balances'] },
    ],
    [
      '/v1/accounts/30080012343456/transactions?bookingStatus=booked',
      { service: 'ais', endpoint: 'transactions', accountId: '30080012343456', rights: ['transactions'] },
    ],
    [
      '/v1/accounts/30080012343456/transactions/tx-1',
      { service: 'ais', endpoint: 'transactions', accountId: '30080012343456', rights: ['transactions'] },
    ],
    [
      '/v1/card-accounts/CC-1/transactions',
      { service: 'ais', endpoint: 'transactions', accountId: 'CC-1', rights: ['transactions'] },
    ],
    ['/v1/periodic-payments/sepa-credit-transfers/p-1/status', { service: 'pis', paymentId: 'p-1' }],
    ['/v1/funds-confirmations', { service: 'piis' }],
  ])('%s', (resource, expected) => {
    expect(at(resource)).toEqual(expected);
  });

  it('reads withBalance from the gateway query parameters too', () => {
    expect(at('/v1/accounts', { withBalance: 'true' })).toMatchObject({
      rights: ['balances', 'availableAccountsWithBalance'],
    });
  });

  it.each(['/v1/consents/abc', '/v1/card-transactions-report', ''])('%j is no resource of the module', (resource) => {
    expect(at(resource)).toBeUndefined();
  });
});
