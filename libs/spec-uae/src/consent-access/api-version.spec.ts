import { versionInPath, versionMismatch, versionOfType } from './api-version.js';

describe('the standards version of a call and of a consent', () => {
  it('reads the version segment of a path and of a consent type', () => {
    expect(versionInPath('/open-finance/v2.1/accounts/1?x=v3')).toBe('v2.1');
    expect(versionInPath('/open-finance/account-information/v1.2/accounts')).toBe('v1.2');
    expect(versionInPath('/accounts/1')).toBeUndefined();
    expect(versionOfType('urn:openfinanceuae:account-access-consent:v2.1')).toBe('v2.1');
    expect(versionOfType('urn:openfinanceuae:account-access-consent')).toBeUndefined();
  });

  it('lets a consent serve only the API of its own version', () => {
    const type = 'urn:openfinanceuae:service-initiation-consent:v2.1';
    expect(versionMismatch('/open-finance/v2.1/payments', type)).toBeUndefined();
    expect(versionMismatch('/payments', type)).toBeUndefined();
    expect(versionMismatch('/open-finance/v1.2/payments', type)).toBe(
      'The consent was given under v2.1 of the standards; it cannot be used under v1.2',
    );
    expect(versionMismatch('/open-finance/v2.1/payments', undefined)).toBe(
      'The consent was given under no known version of the standards; it cannot be used under v2.1',
    );
  });
});
