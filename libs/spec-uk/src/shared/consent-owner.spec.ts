import {
  authorizingClientId,
  foreignConsentAuthorizeFailure,
  foreignConsentRejection,
  managingClientId,
  ownedByAnotherTpp,
} from './consent-owner.js';

describe(ownedByAnotherTpp.name, () => {
  it('is true only when both client ids are known and differ', () => {
    expect(ownedByAnotherTpp({ clientId: 'tpp-a' }, 'tpp-b')).toBe(true);
    expect(ownedByAnotherTpp({ clientId: 'tpp-a' }, 'tpp-a')).toBe(false);
  });

  it.each<[string, unknown, unknown]>([
    ['no consent', undefined, 'tpp-b'],
    ['a consent without clientId', {}, 'tpp-b'],
    ['a null clientId', { clientId: null }, 'tpp-b'],
    ['no caller', { clientId: 'tpp-a' }, undefined],
    ['a null caller', { clientId: 'tpp-a' }, null],
    ['an empty caller', { clientId: 'tpp-a' }, ''],
  ])('proves nothing with %s', (_case, consent, caller) => {
    expect(ownedByAnotherTpp(consent as never, caller)).toBe(false);
  });
});

describe('the caller of a point', () => {
  it('is x-wso2-client-id in any letter case at the manage points, client_id in the authorize flow', () => {
    expect(managingClientId({ 'X-WSO2-CLIENT-ID': 'tpp-a' })).toBe('tpp-a');
    expect(authorizingClientId({ client_id: 'tpp-a' })).toBe('tpp-a');
    expect(authorizingClientId('client_id=tpp-a')).toBeUndefined();
  });
});

describe('the answers to another TPP', () => {
  it('403 UK.OBIE.Resource.NotFound on ConsentId', () => {
    expect(foreignConsentRejection()).toEqual({
      status: 403,
      code: 'UK.OBIE.Resource.NotFound',
      message: 'No consent with this ConsentId exists for this TPP',
      path: 'ConsentId',
    });
  });

  it('in the authorize flow, the code in errorMessage and no newConsentStatus', () => {
    expect(foreignConsentAuthorizeFailure()).toEqual({
      status: 'ERROR',
      errorCode: 403,
      data: { errorMessage: 'UK.OBIE.Resource.NotFound: No consent with this ConsentId exists for this TPP' },
    });
  });
});
