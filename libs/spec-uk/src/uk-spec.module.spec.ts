import { EXTENSION_PORTS, nativePointsOf, SettingsReader } from '@app/contract';
import { createUkSpec, UK_SPEC_ID } from './index.js';

describe(createUkSpec.name, () => {
  it('serves /uk and implements every consent extension point natively', () => {
    const plugin = createUkSpec(new SettingsReader({}));
    expect(plugin.id).toBe(UK_SPEC_ID);
    expect(nativePointsOf(plugin, EXTENSION_PORTS).sort()).toEqual(
      [
        'enrich-consent-creation-response',
        'enrich-consent-file-response',
        'issue-refresh-token',
        'map-accelerator-error-response',
        'persist-authorized-consent',
        'populate-consent-authorize-screen',
        'pre-process-consent-creation',
        'pre-process-consent-file-upload',
        'pre-process-consent-retrieval',
        'pre-process-consent-revoke',
        'validate-authorization-request',
        'validate-consent-access',
        'validate-consent-file-retrieval',
      ].sort(),
    );
  });

  it('fails with a message naming the setting', () => {
    expect(() => createUkSpec(new SettingsReader({ UK_SIGNATURE_VERIFICATION: 'maybe' }))).toThrow(
      'UK_SIGNATURE_VERIFICATION must be true or false',
    );
  });
});
