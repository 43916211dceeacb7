import type { SpecPlugin } from '@app/contract';
import type { Clock } from './shared/clock.js';
import { UaeSpecModule } from './uae-spec.module.js';
import { resolveUaeSpecOptions, type UaeSpecEnvironment } from './uae-spec.options.js';

export { UaeSpecModule } from './uae-spec.module.js';
export { resolveUaeSpecOptions, UAE_SETTINGS, DEFAULT_RESOURCE_BASE_URL, type UaeSpecOptions, type UaeSpecEnvironment } from './uae-spec.options.js';
export type { Clock as UaeClock } from './shared/clock.js';

export const UAE_SPEC_ID = 'uae';

/**
 * The UAE Open Finance specification (v2.1), built from its UAE_* settings; throws an Error naming the setting when
 * one is invalid. `clock` is for tests that pin the time rules.
 */
export function createUaeSpec(env: UaeSpecEnvironment, clock?: Clock): SpecPlugin {
  return {
    id: UAE_SPEC_ID,
    title: 'UAE Open Finance (standards v2.1)',
    module: UaeSpecModule.register(resolveUaeSpecOptions(env), clock),
  };
}
