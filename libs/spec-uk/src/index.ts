import type { SettingsReader, SpecPlugin } from '@app/contract';
import { resolveUkSpecOptions } from './uk-spec.options.js';
import { UkSpecModule } from './uk-spec.module.js';
import type { Clock } from './shared/clock.js';

export { UkSpecModule } from './uk-spec.module.js';
export { resolveUkSpecOptions, UK_PERMISSIONS, UK_SETTINGS, type UkSpecOptions } from './uk-spec.options.js';
export type { Clock as UkSpecClock } from './shared/clock.js';

export const UK_SPEC_ID = 'uk';

/**
 * The `uk` specification (UK Open Banking Read/Write API v3.1.11), configured from its `UK_…` settings read through the
 * service's settings reader; throws a SettingError naming the setting when one is invalid. `clock` exists for tests of
 * time rules.
 */
export function createUkSpec(settings: SettingsReader, clock?: Clock): SpecPlugin {
  return {
    id: UK_SPEC_ID,
    title: 'UK Open Banking Read/Write API v3.1.11',
    module: UkSpecModule.register(resolveUkSpecOptions(settings), clock),
    forwardedHeaders: ['x-idempotency-key', 'x-jws-signature', 'x-fapi-interaction-id', 'x-fapi-auth-date', 'Content-Type'],
  };
}
