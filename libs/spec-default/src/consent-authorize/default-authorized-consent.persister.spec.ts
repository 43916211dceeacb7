import {
  AuthorizedConsentPersister,
  type ExtensionContext,
  type RequestDataOf,
  type StoredConsentResource,
} from '@app/contract';
import { DefaultAuthorizedConsentPersister } from './default-authorized-consent.persister.js';

const NOW = Date.parse('2026-06-01T00:00:00Z');
const CONTEXT: ExtensionContext = { requestId: 'req-1', spec: 'default', extension: 'persist-authorized-consent' };
const CONSENT_ID = '2d8c6b2e-5f0b-4a8e-9a77-3c1f0f8a1b11';
const PSU = 'psu@wso2.com';

const salarySaver = { displayName: 'Salary Saver Account', accountId: '30080012343456', selected: false };
const maxBonus = { displayName: 'Max Bonus Account', accountId: '30080098763459', selected: false };

const storedConsent: StoredConsentResource = {
  id: CONSENT_ID,
  clientId: 'tpp-client',
  type: 'accounts',
  status: 'AwaitingAuthorisation',
  receipt: { Data: { Permissions: ['ReadAccountsBasic'] } },
  attributes: { IdempotencyKey: 'abc-123' },
  authorizations: [{ id: 'auth-1', type: 'authorisation', status: 'Created', resources: [] }],
};

type PersistRequest = RequestDataOf<'persist-authorized-consent'>;
type AuthorizedResources = NonNullable<NonNullable<PersistRequest['userGrantedData']>['authorizedResources']>;

function request(
  authorizedResources: Partial<AuthorizedResources>,
  overrides: Partial<PersistRequest> = {},
): PersistRequest {
  return {
    consentId: CONSENT_ID,
    isApproved: true,
    consentResource: storedConsent,
    userGrantedData: {
      userId: PSU,
      requestParameters: { scope: 'openid accounts' },
      authorizedResources: {
        approval: 'true',
        type: 'accounts',
        userId: PSU,
        cookies: { commonAuthId: 'x', JSESSIONID: 'y' },
        isReauthorization: false,
        metadata: {},
        authorizedData: [{ permissions: ['ReadAccountsBasic'], accounts: [salarySaver] }],
        ...authorizedResources,
      },
    },
    ...overrides,
  };
}

const mapping = (accountId: string) => ({ accountId, permission: 'primary', status: 'active' });

describe(DefaultAuthorizedConsentPersister.name, () => {
  const persister: AuthorizedConsentPersister = new DefaultAuthorizedConsentPersister({ now: () => NOW });
  const persist = (data: PersistRequest) => persister.handle(data, CONTEXT);

  describe('an approved consent', () => {
    it('authorises the consent for the logged-in user, one primary mapping per account', async () => {
      const outcome = await persist(
        request({
          authorizedData: [
            {
              permissions: ['ReadAccountsBasic', 'ReadAccountsDetail'],
              accounts: [salarySaver, maxBonus, salarySaver],
            },
            { permissions: ['ReadBalances'], accounts: [maxBonus, { ...salarySaver, title: 'Savings' }] },
          ],
        }),
      );
      expect(outcome).toEqual({
        status: 'SUCCESS',
        data: {
          consentResource: {
            status: 'Authorised',
            authorizations: [
              {
                userId: PSU,
                type: 'authorisation',
                status: 'Authorised',
                resources: [mapping('30080012343456'), mapping('30080098763459')],
              },
            ],
          },
        },
      });
    });

    it('reads account objects with null fields, as the identity server sends them', async () => {
      const withNulls = { ...salarySaver, title: null, description: null };
      const data = request({ authorizedData: [{ accounts: [withNulls] }] });
      await expect(persist(data)).resolves.toMatchObject({
        data: { consentResource: { authorizations: [{ resources: [mapping('30080012343456')] }] } },
      });
    });

    it('never echoes the consent attributes', async () => {
      const outcome = await persist(request({}));
      expect(outcome.status === 'SUCCESS' && outcome.data.consentResource.attributes).toBeUndefined();
    });

    it('echoes the user id exactly as received', async () => {
      const userId = 'PRIMARY/Psu@WSO2.com@carbon.super';
      const data = request({ userId: 'other' });
      const outcome = await persist({ ...data, userGrantedData: { ...data.userGrantedData, userId } });
      expect(outcome).toMatchObject({ data: { consentResource: { authorizations: [{ userId }] } } });
    });

    it("falls back to the confirm page's user id", async () => {
      const data = request({ userId: PSU });
      const outcome = await persist({
        ...data,
        userGrantedData: { authorizedResources: data.userGrantedData!.authorizedResources! },
      });
      expect(outcome).toMatchObject({ data: { consentResource: { authorizations: [{ userId: PSU }] } } });
    });

    it('maps an account without id by its display name', async () => {
      const outcome = await persist(request({ authorizedData: [{ accounts: [{ displayName: '30080012343456' }] }] }));
      expect(outcome).toMatchObject({
        data: { consentResource: { authorizations: [{ resources: [mapping('30080012343456')] }] } },
      });
    });

    it.each<[string, Partial<AuthorizedResources>]>([
      ['no authorized data', { authorizedData: undefined }],
      ['an empty authorized data', { authorizedData: [] }],
      ['entries without accounts', { authorizedData: [{ permissions: ['ReadAccountsBasic'] }, { accounts: [] }] }],
      ['accounts without id or name', { authorizedData: [{ accounts: [{ displayName: '' }] }] }],
    ])('refuses an approval with %s', async (_label, resources) => {
      await expect(persist(request(resources))).resolves.toEqual({
        status: 'ERROR',
        errorCode: 400,
        data: { errorMessage: 'Account IDs not available in persist request' },
      });
    });

    it('takes a boolean approval too', async () => {
      await expect(persist(request({ approval: true }, { isApproved: undefined }))).resolves.toMatchObject({
        data: { consentResource: { status: 'Authorised' } },
      });
    });
  });

  describe('a denied consent', () => {
    const denied = {
      status: 'SUCCESS',
      data: {
        consentResource: {
          status: 'Rejected',
          authorizations: [{ userId: PSU, type: 'authorisation', status: 'Rejected', resources: [mapping('n/a')] }],
        },
      },
    };

    it('rejects the consent when isApproved is false', async () => {
      await expect(persist(request({ approval: 'false' }, { isApproved: false }))).resolves.toEqual(denied);
    });

    it('rejects the consent when the page says "false", whatever isApproved says', async () => {
      await expect(persist(request({ approval: 'false' }, { isApproved: true }))).resolves.toEqual(denied);
    });

    it('rejects a consent even without accounts', async () => {
      await expect(persist(request({ approval: 'false', authorizedData: [] }, { isApproved: false }))).resolves.toEqual(
        denied,
      );
    });

    it('rejects when neither field states an approval', async () => {
      await expect(persist(request({ approval: 'maybe' }, { isApproved: undefined }))).resolves.toEqual(denied);
    });
  });

  describe('a consent created at persist time (scope-based flow)', () => {
    it('describes the whole new consent', async () => {
      const outcome = await persist(request({ type: 'default' }, { consentId: undefined, consentResource: undefined }));
      expect(outcome).toEqual({
        status: 'SUCCESS',
        data: {
          consentResource: {
            type: 'default',
            status: 'Authorised',
            frequency: 0,
            validityTime: NOW / 1000 + 3600,
            recurringIndicator: false,
            receipt: { Data: { Permissions: ['accounts'], ExpirationDateTime: '2026-06-01T01:00:00Z' } },
            authorizations: [
              { userId: PSU, type: 'authorisation', status: 'Authorised', resources: [mapping('30080012343456')] },
            ],
          },
        },
      });
    });

    it('treats an empty consent resource as no consent', async () => {
      const outcome = await persist(request({ approval: 'false' }, { isApproved: false, consentResource: {} }));
      expect(outcome).toMatchObject({
        status: 'SUCCESS',
        data: { consentResource: { type: 'default', status: 'Rejected', frequency: 0, recurringIndicator: false } },
      });
    });
  });
});
