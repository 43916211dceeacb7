import type { StoredConsentResource } from '@app/contract';
import { kindOfType } from '../shared/uk-consent-kind.js';
import {
  activeAccountsOf,
  reauthenticable,
  reauthenticationAmendment,
  reauthenticationRefusal,
} from './reauthentication.js';

const ACCOUNTS = kindOfType('accounts')!;

function consent(overrides: Partial<StoredConsentResource> = {}): StoredConsentResource {
  return {
    id: 'c-1',
    type: 'accounts',
    status: 'Authorised',
    receipt: { Data: { Permissions: ['ReadAccountsBasic', 'ReadBalances'] }, Risk: {} },
    authorizations: [
      {
        id: 'auth-1',
        userId: 'psu@wso2.com',
        type: 'authorisation',
        status: 'Authorised',
        resources: [
          { id: 'm-1', accountId: 'A', permission: 'ReadAccountsBasic', status: 'active' },
          { id: 'm-2', accountId: 'A', permission: 'ReadBalances', status: 'active' },
          { id: 'm-3', accountId: 'B', permission: 'ReadAccountsBasic', status: 'inactive' },
          { id: 'm-4', accountId: 'B', permission: 'ReadBalances', status: 'inactive' },
        ],
      },
    ],
    ...overrides,
  };
}

describe('re-authentication', () => {
  it('is for long-lived consents only', () => {
    expect(
      ['accounts', 'fundsconfirmations', 'domestic-vrps', 'domestic-payments', 'file-payments'].map((type) =>
        reauthenticable(kindOfType(type)!),
      ),
    ).toEqual([true, true, true, false, false]);
  });

  it('is open to the customer who authorised an Authorised consent that has not expired', () => {
    expect(reauthenticationRefusal(ACCOUNTS, consent(), 'psu@wso2.com', false)).toBeUndefined();
    expect(reauthenticationRefusal(ACCOUNTS, consent(), 'psu@wso2.com', true)).toBe(
      'The consent has expired: it cannot be re-authenticated',
    );
    expect(reauthenticationRefusal(ACCOUNTS, consent(), 'other@wso2.com', false)).toBe(
      'Only the customer who authorised this consent can re-authenticate it',
    );
    expect(reauthenticationRefusal(ACCOUNTS, consent({ status: 'Rejected' }), 'psu@wso2.com', false)).toBe(
      'The consent is Rejected, not awaiting authorisation',
    );
  });

  it('reads the accounts the consent covers now', () => {
    expect([...activeAccountsOf(consent())]).toEqual(['A']);
  });

  it('maps the accounts selected now: new mappings, reactivated ones, the others made inactive', () => {
    expect(reauthenticationAmendment(consent(), 'auth-1', ['B', 'C'], ['ReadAccountsBasic', 'ReadBalances'])).toEqual({
      id: 'auth-1',
      type: 'authorisation',
      status: 'Authorised',
      resources: [
        { accountId: 'C', permission: 'ReadAccountsBasic', status: 'active' },
        { accountId: 'C', permission: 'ReadBalances', status: 'active' },
      ],
      amendedResources: [
        { id: 'm-1', permission: 'ReadAccountsBasic', status: 'inactive' },
        { id: 'm-2', permission: 'ReadBalances', status: 'inactive' },
        { id: 'm-3', permission: 'ReadAccountsBasic', status: 'active' },
        { id: 'm-4', permission: 'ReadBalances', status: 'active' },
      ],
    });
  });

  it('changes nothing when the same accounts are selected again', () => {
    expect(reauthenticationAmendment(consent(), 'auth-1', ['A'], ['ReadAccountsBasic', 'ReadBalances'])).toMatchObject({
      resources: [],
      amendedResources: [],
    });
  });
});
