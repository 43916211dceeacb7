/* The shared clock seam (see @app/contract), re-exported where this specification's code looks for it. */
export { SYSTEM_CLOCK, epochSeconds, type Clock } from '@app/contract';

/** Seconds in a day, for validity periods expressed in days. */
export const SECONDS_PER_DAY = 86_400;
