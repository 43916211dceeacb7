import {
  authorizingClientId,
  managingClientId,
  ownedByAnotherTpp,
  unknownConsentAuthorizeFailure,
  unknownConsentError,
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
    ['an empty clientId', { clientId: '' }, 'tpp-b'],
    ['no caller', { clientId: 'tpp-a' }, undefined],
    ['a null caller', { clientId: 'tpp-a' }, null],
    ['a caller that is not a string', { clientId: 'tpp-a' }, 42],
  ])('proves nothing with %s', (_case, consent, caller) => {
    expect(ownedByAnotherTpp(consent as never, caller)).toBe(false);
  });
});

describe('the caller of a point', () => {
  it('is the x-wso2-client-id header in any letter case at the manage points', () => {
    expect(managingClientId({ 'X-WSO2-Client-Id': 'tpp-a' })).toBe('tpp-a');
    expect(managingClientId(undefined)).toBeUndefined();
  });

  it('is client_id of the request parameters in the authorize flow', () => {
    expect(authorizingClientId({ client_id: 'tpp-a', scope: 'openid accounts' })).toBe('tpp-a');
    expect(authorizingClientId({ scope: 'openid accounts' })).toBeUndefined();
    expect(authorizingClientId(undefined)).toBeUndefined();
  });
});

describe('the answers to another TPP', () => {
  it('CONSENT_UNKNOWN with the status of where the id is, on consentId', () => {
    expect(unknownConsentError(403)).toEqual({
      httpStatus: 403,
      code: 'CONSENT_UNKNOWN',
      text: 'The consent id is unknown to this TPP',
      path: 'consentId',
    });
    expect(unknownConsentError(400)).toMatchObject({ httpStatus: 400, code: 'CONSENT_UNKNOWN' });
  });

  it('in the authorize flow, a 403 without newConsentStatus', () => {
    expect(unknownConsentAuthorizeFailure()).toEqual({
      status: 'ERROR',
      errorCode: 403,
      data: { errorMessage: 'CONSENT_UNKNOWN: The consent id is unknown to this TPP' },
    });
  });
});
