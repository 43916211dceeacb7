/* The shared clock seam (see @app/contract), re-exported where this specification's code looks for it. */
export { SYSTEM_CLOCK, type Clock } from '@app/contract';
