import { ConsentStore } from './consent-store.js';
import { IdentityServerFailure } from './identity-server-failure.js';

const NOW = 1_716_800_000;

/** A store with predictable ids (`id-1`, `id-2`, …) and a fixed clock. */
function newStore(): ConsentStore {
  let counter = 0;
  return new ConsentStore({ now: () => NOW, newId: () => `id-${(counter += 1)}` });
}

const receipt = {
  Data: { Permissions: ['ReadAccountsBasic'], ExpirationDateTime: '2030-01-01T00:00:00+00:00' },
  Risk: {},
};

const creationAnswer = {
  type: 'accounts',
  status: 'AwaitingAuthorisation',
  frequency: 0,
  validityTime: 1_893_456_000,
  recurringIndicator: false,
  receipt,
  attributes: { bankRef: 'X1' },
  authorizations: [{ type: 'authorisation', status: 'Created', resources: [] }],
};

const approval = (userId: string, attributes: Record<string, string> = {}) => ({
  type: 'accounts',
  status: 'Authorised',
  attributes,
  authorizations: [
    {
      userId,
      type: 'authorisation',
      status: 'Authorised',
      resources: [{ accountId: '30080012343456', permission: 'primary', status: 'active' }],
    },
  ],
});

describe('ConsentStore', () => {
  describe('creating a consent from pre-process-consent-creation', () => {
    it('generates the consent, authorization and mapping ids, takes the client id, and stamps epoch seconds', () => {
      const store = newStore();

      const consent = store.createConsent(creationAnswer, 'client-1', 'idem-1');

      expect(consent.id).toBe('id-1');
      expect(consent.clientId).toBe('client-1');
      expect(consent.createdTime).toBe(NOW);
      expect(consent.updatedTime).toBe(NOW);
      expect(consent.authorizations).toEqual([
        { id: 'id-2', userId: undefined, type: 'authorisation', status: 'Created', updatedTime: NOW, mappings: [] },
      ]);
      expect(Object.fromEntries(consent.attributes)).toEqual({ bankRef: 'X1', IdempotencyKey: 'idem-1' });
    });

    it('fails like the Java unboxing when a mandatory scalar is missing', () => {
      const withoutFrequency = { ...creationAnswer, frequency: undefined };

      expect(() => newStore().createConsent(withoutFrequency, 'client-1')).toThrow(/frequency is missing/);
    });

    it('reads attributes as Gson does: numbers become strings, objects fail', () => {
      const store = newStore();

      const consent = store.createConsent({ ...creationAnswer, attributes: { count: 3 } }, 'client-1');

      expect(consent.attributes.get('count')).toBe('3');
      expect(() => store.createConsent({ ...creationAnswer, attributes: { nested: { a: 1 } } }, 'client-1')).toThrow(
        IdentityServerFailure,
      );
    });
  });

  describe('the consentResource variants', () => {
    it('sends the basic variant without authorizations, with or without attributes', () => {
      const store = newStore();
      const { id } = store.createConsent(creationAnswer, 'client-1');

      const withAttributes = store.basicView(id, { withAttributes: true });
      const adminVariant = store.basicView(id, { withAttributes: false });

      expect(withAttributes).toEqual({
        id,
        clientId: 'client-1',
        type: 'accounts',
        status: 'AwaitingAuthorisation',
        frequency: 0,
        validityTime: 1_893_456_000,
        createdTime: NOW,
        updatedTime: NOW,
        recurringIndicator: false,
        receipt,
        attributes: { bankRef: 'X1' },
      });
      expect(adminVariant).not.toHaveProperty('attributes');
      expect(adminVariant).not.toHaveProperty('authorizations');
    });

    it('sends the detailed variant with authorizations, omitting a null userId', () => {
      const store = newStore();
      const { id } = store.createConsent(creationAnswer, 'client-1');

      const detailed = store.detailedView(id);

      expect(detailed.authorizations).toEqual([
        { id: 'id-2', type: 'authorisation', status: 'Created', resources: [] },
      ]);
      expect(detailed.authorizations?.[0]).not.toHaveProperty('userId');
    });
  });

  describe('applying a persist answer', () => {
    it('reuses the primary authorization when the userId matches the logged-in user exactly', () => {
      const store = newStore();
      const { id } = store.createConsent(creationAnswer, 'client-1');

      store.applyPersist(id, approval('psu@wso2.com'), 'psu@wso2.com');

      const consent = store.get(id);
      expect(consent.status).toBe('Authorised');
      expect(consent.authorizations).toHaveLength(1);
      expect(consent.authorizations[0]).toMatchObject({ id: 'id-2', userId: 'psu@wso2.com', status: 'Authorised' });
      expect(consent.authorizations[0]?.mappings).toEqual([
        { id: 'id-3', accountId: '30080012343456', permission: 'primary', status: 'active' },
      ]);
    });

    it('inserts a second authorization and leaves the Created one alone when the userId differs', () => {
      const store = newStore();
      const { id } = store.createConsent(creationAnswer, 'client-1');

      store.applyPersist(id, approval('PSU@wso2.com@carbon.super'), 'psu@wso2.com');

      const consent = store.get(id);
      expect(consent.authorizations).toHaveLength(2);
      expect(consent.authorizations[0]).toMatchObject({
        id: 'id-2',
        status: 'Created',
        userId: undefined,
        mappings: [],
      });
      expect(consent.authorizations[1]).toMatchObject({ userId: 'PSU@wso2.com@carbon.super', status: 'Authorised' });
      expect(consent.authorizations[1]?.mappings).toHaveLength(1);
    });

    it('keeps stored scalars the answer leaves out', () => {
      const store = newStore();
      const { id } = store.createConsent(creationAnswer, 'client-1');

      store.applyPersist(id, { status: 'Authorised' }, 'psu@wso2.com');

      expect(store.get(id)).toMatchObject({
        type: 'accounts',
        status: 'Authorised',
        validityTime: 1_893_456_000,
        receipt,
      });
    });

    it('fails on an attribute key the consent already has, as the primary key would, and changes nothing', () => {
      const store = newStore();
      const { id } = store.createConsent(creationAnswer, 'client-1');

      expect(() => store.applyPersist(id, approval('psu@wso2.com', { bankRef: 'X2' }), 'psu@wso2.com')).toThrow(
        /bankRef.*primary-key violation/,
      );

      const consent = store.get(id);
      expect(consent.status).toBe('AwaitingAuthorisation');
      expect(consent.attributes.get('bankRef')).toBe('X1');
      expect(consent.authorizations[0]?.mappings).toEqual([]);
    });

    it('adds new attribute keys', () => {
      const store = newStore();
      const { id } = store.createConsent(creationAnswer, 'client-1');

      store.applyPersist(id, approval('psu@wso2.com', { authorisedBy: 'psu' }), 'psu@wso2.com');

      expect(Object.fromEntries(store.get(id).attributes)).toEqual({ bankRef: 'X1', authorisedBy: 'psu' });
    });

    it('applies amendments: authorization updates, new mappings, amended mappings by id', () => {
      const store = newStore();
      const { id } = store.createConsent(creationAnswer, 'client-1');
      store.applyPersist(id, approval('psu@wso2.com'), 'psu@wso2.com');

      store.applyPersist(
        id,
        {
          amendments: [
            {
              id: 'id-2',
              type: 'authorisation',
              status: 'Amended',
              resources: [{ accountId: '30080098763459', permission: 'primary', status: 'active' }],
              amendedResources: [{ id: 'id-3', permission: 'primary', status: 'inactive' }],
            },
          ],
        },
        'psu@wso2.com',
      );

      const authorization = store.get(id).authorizations[0];
      expect(authorization?.status).toBe('Amended');
      expect(authorization?.mappings.map((mapping) => [mapping.accountId, mapping.status])).toEqual([
        ['30080012343456', 'inactive'],
        ['30080098763459', 'active'],
      ]);
    });

    it('fails on an amendment without its resource lists (the caller iterates them without a null check)', () => {
      const store = newStore();
      const { id } = store.createConsent(creationAnswer, 'client-1');

      expect(() =>
        store.applyPersist(
          id,
          { amendments: [{ id: 'id-2', type: 'authorisation', status: 'Amended' }] },
          'psu@wso2.com',
        ),
      ).toThrow(/send \[\]/);
    });
  });

  describe('revocation and status changes', () => {
    it('revokes: new status and every mapping inactive', () => {
      const store = newStore();
      const { id } = store.createConsent(creationAnswer, 'client-1');
      store.applyPersist(id, approval('psu@wso2.com'), 'psu@wso2.com');

      store.applyRevocation(id, { revocationStatusName: 'Revoked', requireTokenRevocation: true });

      const consent = store.get(id);
      expect(consent.status).toBe('Revoked');
      expect(
        consent.authorizations
          .flatMap((authorization) => authorization.mappings)
          .every((mapping) => mapping.status === 'inactive'),
      ).toBe(true);
    });

    it('refuses token revocation when no authorization has a user, and a blank status', () => {
      const store = newStore();
      const { id } = store.createConsent(creationAnswer, 'client-1');

      expect(() =>
        store.applyRevocation(id, { revocationStatusName: 'Revoked', requireTokenRevocation: true }),
      ).toThrow(/User ID is required/);
      expect(() => store.applyRevocation(id, { revocationStatusName: ' ', requireTokenRevocation: false })).toThrow(
        /new consent status is missing/,
      );
      expect(store.get(id).status).toBe('AwaitingAuthorisation');
    });

    it('applies newConsentStatus from a populate or persist ERROR', () => {
      const store = newStore();
      const { id } = store.createConsent(creationAnswer, 'client-1');

      store.updateStatus(id, 'Rejected');

      expect(store.get(id).status).toBe('Rejected');
    });

    it('knows no consent it did not create', () => {
      expect(() => newStore().get('missing')).toThrow(/Consent not found/);
    });
  });

  it('hands out copies, so callers cannot change the store behind its back', () => {
    const store = newStore();
    const { id } = store.createConsent(creationAnswer, 'client-1');

    store.get(id).status = 'Tampered';

    expect(store.get(id).status).toBe('AwaitingAuthorisation');
  });
});
