import type { SettingsReader, SpecPlugin, Clock } from '@app/contract';
import { UaeSpecModule } from './uae-spec.module.js';
import { resolveUaeSpecOptions } from './uae-spec.options.js';

export { UaeSpecModule } from './uae-spec.module.js';
export {
  resolveUaeSpecOptions,
  UAE_SETTINGS,
  DEFAULT_RESOURCE_BASE_URL,
  type UaeSpecOptions,
} from './uae-spec.options.js';

export const UAE_SPEC_ID = 'uae';

/**
 * The UAE Open Finance specification (v2.1), built from its UAE_* settings read through the service's settings
 * reader; a bad one throws a SettingError naming it. `clock` is for tests that pin the time rules.
 */
export function createUaeSpec(settings: SettingsReader, clock?: Clock): SpecPlugin {
  return {
    id: UAE_SPEC_ID,
    title: 'UAE Open Finance (standards v2.1)',
    module: UaeSpecModule.register(resolveUaeSpecOptions(settings), clock),
  };
}
