import type { UaeConsentRequest } from './uae-consent-request.js';
import { scopeProblem } from './scope.rules.js';

const dataSharing: UaeConsentRequest = {
  type: 'urn:openfinanceuae:account-access-consent:v2.1',
  kind: 'account-access',
  item: {},
  consent: { Permissions: ['ReadAccountsBasic'] },
  consentId: 'c',
};
const payment = (permissions?: string[]): UaeConsentRequest => ({
  type: 'urn:openfinanceuae:service-initiation-consent:v2.1',
  kind: 'service-initiation',
  item: {},
  consent: permissions === undefined ? {} : { Permissions: permissions },
  consentId: 'c',
});

describe('the scope of a UAE request object against its consent type', () => {
  it.each<[string, string, UaeConsentRequest]>([
    ['data sharing', 'accounts openid', dataSharing],
    ['data sharing, in any order and spacing', ' openid  accounts ', dataSharing],
    ['a payment', 'payments openid', payment()],
    [
      'a payment with account permissions and the accounts scope',
      'accounts payments openid',
      payment(['ReadAccountsBasic', 'ReadBalances']),
    ],
    ['a payment with account permissions without the accounts scope', 'payments openid', payment(['ReadBalances'])],
  ])('accepts %s', (_label, scope, request) => {
    expect(scopeProblem(scope, request)).toBeUndefined();
  });

  it.each<[string, string, UaeConsentRequest, string]>([
    [
      'data sharing without openid',
      'accounts',
      dataSharing,
      'invalid_scope: a urn:openfinanceuae:account-access-consent:v2.1 consent needs the scope accounts openid; openid is missing (scope)',
    ],
    [
      'data sharing asking for payments',
      'payments openid',
      dataSharing,
      'invalid_scope: a urn:openfinanceuae:account-access-consent:v2.1 consent needs the scope accounts openid; accounts is missing (scope)',
    ],
    [
      'data sharing with an extra scope',
      'accounts openid products',
      dataSharing,
      'invalid_scope: products does not fit a urn:openfinanceuae:account-access-consent:v2.1 consent, whose scope is accounts openid (scope)',
    ],
    [
      'a payment asking for accounts',
      'accounts openid',
      payment(),
      'invalid_scope: a urn:openfinanceuae:service-initiation-consent:v2.1 consent needs the scope payments openid; payments is missing (scope)',
    ],
    [
      'a payment without account permissions adding accounts',
      'accounts payments openid',
      payment(['ReadRefundAccount']),
      'invalid_scope: accounts does not fit a urn:openfinanceuae:service-initiation-consent:v2.1 consent, whose scope is payments openid (scope)',
    ],
  ])('refuses %s', (_label, scope, request, problem) => {
    expect(scopeProblem(scope, request)).toBe(problem);
  });
});
