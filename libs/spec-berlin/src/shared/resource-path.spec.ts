import { parseResourcePath } from './resource-path.js';

describe('consentResourcePath of a Berlin Group call', () => {
  it.each([
    ['consents', { service: 'ais', statusOnly: false }],
    ['consents/c-1', { service: 'ais', id: 'c-1', statusOnly: false }],
    ['consents/c-1/status', { service: 'ais', id: 'c-1', statusOnly: true }],
    ['consents/confirmation-of-funds', { service: 'piis', statusOnly: false }],
    ['consents/confirmation-of-funds/c-2/status', { service: 'piis', id: 'c-2', statusOnly: true }],
    [
      'payments/sepa-credit-transfers',
      { service: 'pis', paymentService: 'payments', paymentProduct: 'sepa-credit-transfers', statusOnly: false },
    ],
    [
      'bulk-payments/target-2-payments/p-1',
      {
        service: 'pis',
        paymentService: 'bulk-payments',
        paymentProduct: 'target-2-payments',
        id: 'p-1',
        statusOnly: false,
      },
    ],
  ])('%s', (path, expected) => {
    expect(parseResourcePath(path)).toEqual(expected);
  });

  it.each([
    'account-access-consents',
    'consents/c-1/authorisations/a-1',
    'payments',
    '/api/fs/consent/admin/revoke',
    undefined,
  ])('%j is not one', (path) => {
    expect(parseResourcePath(path)).toBeUndefined();
  });
});
