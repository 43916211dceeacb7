import type { StoredConsentResource } from '@app/contract';
import { approversOf, authorisationTypeOf, multiAuthorisationOf, requiredAuthorisers } from './multi-authorisation.js';

const NOW = Date.parse('2030-01-10T09:00:00Z');

function consent(
  overrides: Partial<StoredConsentResource> = {},
  authorisation?: Record<string, string>,
): StoredConsentResource {
  return {
    id: 'c-1',
    type: 'domestic-payments',
    status: 'Authorised',
    receipt: {
      Data: { Initiation: {}, ...(authorisation === undefined ? {} : { Authorisation: authorisation }) },
      Risk: {},
    },
    attributes: {
      'MultiAuthorisation.NumberRequired': '2',
      'MultiAuthorisation.Decision.1': '2030-01-10T08:00:00+00:00',
    },
    authorizations: [
      { id: 'a-1', userId: 'psu@wso2.com', type: 'authorisation', status: 'Authorised', resources: [] },
      { id: 'a-2', type: 'authorisation', status: 'Created', resources: [] },
    ],
    ...overrides,
  };
}

describe('multi-authorisation', () => {
  it('needs one authoriser for a retail account and the setting for a business one', () => {
    expect(requiredAuthorisers({ accountType: 'Retail' }, 3)).toBe(1);
    expect(requiredAuthorisers({ accountType: 'SME' }, 3)).toBe(3);
    expect(requiredAuthorisers({ accountType: 'Corporate' }, 2)).toBe(2);
  });

  it('reads an absent AuthorisationType as Any', () => {
    expect(authorisationTypeOf(consent())).toBe('Any');
    expect(authorisationTypeOf(consent({}, { AuthorisationType: 'Single' }))).toBe('Single');
  });

  it('awaits further authorisation after the first of two', () => {
    expect(
      multiAuthorisationOf(
        consent({}, { AuthorisationType: 'Any', CompletionDateTime: '2030-01-11T00:00:00+00:00' }),
        NOW,
      ),
    ).toEqual({
      Status: 'AwaitingFurtherAuthorisation',
      NumberRequired: 2,
      NumberReceived: 1,
      LastUpdateDateTime: '2030-01-10T08:00:00+00:00',
      ExpirationDateTime: '2030-01-11T00:00:00+00:00',
    });
  });

  it('is Authorised once the last approved, counting each customer once', () => {
    const complete = consent({
      attributes: {
        'MultiAuthorisation.NumberRequired': '2',
        'MultiAuthorisation.Decision.1': 't1',
        'MultiAuthorisation.Decision.2': 't2',
        'MultiAuthorisation.Status': 'Authorised',
      },
      authorizations: [
        { id: 'a-1', userId: 'psu@wso2.com', type: 'authorisation', status: 'Authorised', resources: [] },
        { id: 'a-2', type: 'authorisation', status: 'Created', resources: [] },
        { id: 'a-3', userId: 'sme@example.com', type: 'authorisation', status: 'Authorised', resources: [] },
        { id: 'a-4', userId: 'sme@example.com', type: 'authorisation', status: 'Authorised', resources: [] },
      ],
    });
    expect(approversOf(complete)).toEqual(['psu@wso2.com', 'sme@example.com']);
    expect(multiAuthorisationOf(complete, NOW)).toEqual({
      Status: 'Authorised',
      NumberRequired: 2,
      NumberReceived: 2,
      LastUpdateDateTime: 't2',
    });
  });

  it('is Rejected when an authoriser declined, or when the completion time passed first', () => {
    const declined = consent({
      attributes: {
        'MultiAuthorisation.NumberRequired': '2',
        'MultiAuthorisation.Decision.1': 't1',
        'MultiAuthorisation.Decision.2': 't2',
        'MultiAuthorisation.Status': 'Rejected',
      },
      authorizations: [
        { id: 'a-1', userId: 'psu@wso2.com', type: 'authorisation', status: 'Authorised', resources: [] },
        { id: 'a-3', userId: 'sme@example.com', type: 'authorisation', status: 'Rejected', resources: [] },
      ],
    });
    expect(multiAuthorisationOf(declined, NOW)).toMatchObject({
      Status: 'Rejected',
      NumberReceived: 1,
      LastUpdateDateTime: 't2',
    });
    expect(
      multiAuthorisationOf(
        consent({}, { AuthorisationType: 'Any', CompletionDateTime: '2030-01-10T08:59:59+00:00' }),
        NOW,
      ),
    ).toMatchObject({ Status: 'Rejected' });
  });

  it('does not exist for a payment that needs one authoriser', () => {
    expect(multiAuthorisationOf(consent({ attributes: {} }), NOW)).toBeUndefined();
  });
});
