import { refreshTokenLifetime } from './refresh-token-lifetime.js';

const DAY = 86_400;
const NOW = 1_900_000_000;

describe(refreshTokenLifetime.name, () => {
  it('does not limit a consent without an end (payments, funds confirmation)', () => {
    expect(refreshTokenLifetime({ grantType: 'authorization_code', consentValidityPeriod: 0 }, NOW, 90)).toEqual({
      kind: 'unlimited',
    });
    expect(refreshTokenLifetime({}, NOW, 90)).toEqual({ kind: 'unlimited' });
  });

  it('gives 90 days from the authorisation when the consent lasts longer', () => {
    expect(
      refreshTokenLifetime({ grantType: 'authorization_code', consentValidityPeriod: NOW + 180 * DAY }, NOW, 90),
    ).toEqual({ kind: 'limited', seconds: 90 * DAY });
  });

  it('gives the rest of the consent when it ends within 90 days', () => {
    expect(
      refreshTokenLifetime({ grantType: 'authorization_code', consentValidityPeriod: NOW + 30 * DAY }, NOW, 90),
    ).toEqual({ kind: 'limited', seconds: 30 * DAY });
  });

  it('follows the configured number of days', () => {
    expect(
      refreshTokenLifetime({ grantType: 'authorization_code', consentValidityPeriod: NOW + 180 * DAY }, NOW, 7),
    ).toEqual({ kind: 'limited', seconds: 7 * DAY });
  });

  it('counts a refresh grant from the consent creation, so that refreshing never extends the 90 days', () => {
    const grant = {
      grantType: 'refresh_token',
      consentCreatedTime: NOW - 80 * DAY,
      consentValidityPeriod: NOW + 100 * DAY,
    };
    expect(refreshTokenLifetime(grant, NOW, 90)).toEqual({ kind: 'limited', seconds: 10 * DAY });
    expect(refreshTokenLifetime(grant, NOW + 10 * DAY, 90)).toEqual({
      kind: 'refused',
      reason: 'The refresh token has reached its 90 days: a new authorisation is required',
    });
  });

  it('refuses any grant once the consent has expired', () => {
    expect(refreshTokenLifetime({ grantType: 'authorization_code', consentValidityPeriod: NOW }, NOW, 90)).toEqual({
      kind: 'refused',
      reason: 'The consent is expired (validUntil has passed)',
    });
  });
});
