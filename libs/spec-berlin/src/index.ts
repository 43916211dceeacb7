import type { SettingsReader, SpecPlugin } from '@app/contract';
import { BerlinSpecModule } from './berlin-spec.module.js';
import { resolveBerlinSpecOptions } from './berlin-spec.options.js';
import { MANAGE_EXTENSION_HEADERS } from './shared/tpp-headers.js';

export { BerlinSpecModule } from './berlin-spec.module.js';
export {
  DEFAULT_BERLIN_SPEC_OPTIONS,
  PAYMENT_PRODUCTS,
  PAYMENT_SERVICES,
  SCA_APPROACHES,
  resolveBerlinSpecOptions,
  type BerlinSpecOptions,
  type PaymentProduct,
  type PaymentService,
  type ScaApproach,
} from './berlin-spec.options.js';
export type { Clock } from './shared/clock.js';
export { MANAGE_EXTENSION_HEADERS as BERLIN_FORWARDED_HEADERS } from './shared/tpp-headers.js';

export const BERLIN_SPEC_ID = 'berlin';

/**
 * The Berlin Group NextGenPSD2 XS2A 1.3.x specification, served at `/berlin/{extension-name}`. Its settings are the
 * `BERLIN_*` variables (see README.md), read through the service's settings reader; a bad one throws a SettingError.
 */
export function createBerlinSpec(settings: SettingsReader): SpecPlugin {
  return {
    id: BERLIN_SPEC_ID,
    title: 'Berlin Group NextGenPSD2 XS2A 1.3.x',
    module: BerlinSpecModule.register(resolveBerlinSpecOptions(settings)),
    forwardedHeaders: MANAGE_EXTENSION_HEADERS,
  };
}
