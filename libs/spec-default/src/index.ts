import type { SpecPlugin } from '@app/contract';
import { DefaultSpecModule } from './default-spec.module.js';

export { DefaultSpecModule } from './default-spec.module.js';
export type { DefaultSpecOptions } from './default-spec.options.js';

/** The accelerator's built-in behaviour, served as a specification and used for the points others leave out. */
export const DEFAULT_SPEC: SpecPlugin = {
  id: 'default',
  title: 'Default (WSO2 Financial Services Accelerator built-in behaviour)',
  module: DefaultSpecModule.register(),
};
