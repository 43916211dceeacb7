import type { SettingsReader, SpecPlugin, Clock } from '@app/contract';
import { resolveUkSpecOptions } from './uk-spec.options.js';
import { UkSpecModule } from './uk-spec.module.js';

export { UkSpecModule } from './uk-spec.module.js';
export { resolveUkSpecOptions, UK_PERMISSIONS, UK_SETTINGS, type UkSpecOptions } from './uk-spec.options.js';

export const UK_SPEC_ID = 'uk';

/**
 * The `uk` specification (UK Open Banking Read/Write API v3.1.11), configured from its `UK_…` settings read through the
 * service's settings reader; throws a SettingError naming the setting when one is invalid. `clock` exists for tests of
 * time rules.
 */
export function createUkSpec(settings: SettingsReader, clock?: Clock): SpecPlugin {
  const options = resolveUkSpecOptions(settings);
  return {
    id: UK_SPEC_ID,
    title: 'UK Open Banking Read/Write API v3.1.11',
    module: UkSpecModule.register(options, clock),
    deploymentNotes: options.verifySignatures
      ? [
          'UK_SIGNATURE_VERIFICATION=on: this service verifies x-jws-signature. Behind the identity server as shipped, which',
          're-serialises the TPP body (org.json, HashMap key order), valid signatures are refused: use it only where the raw',
          'body reaches this service.',
        ]
      : [
          'UK_SIGNATURE_VERIFICATION=off (default): x-jws-signature is NOT verified here. Verify it at the API gateway in front',
          'of the identity server, over the raw bytes the TPP sent; without such a check payment consents are unsigned.',
        ],
    forwardedHeaders: [
      'x-idempotency-key',
      'x-jws-signature',
      'x-fapi-interaction-id',
      'x-fapi-auth-date',
      'Content-Type',
    ],
  };
}
