import { BERLIN_JOURNEY } from './berlin-journey.js';
import { DEFAULT_JOURNEY } from './default-journey.js';
import type { Journey } from './journey.js';
import { UAE_JOURNEY } from './uae-journey.js';
import { UK_JOURNEY } from './uk-journey.js';

/**
 * The journey of each specification, by the spec id that is also the path segment of the identity server's base URL.
 * A specification adds its own here (`uk`, `berlin`, `uae`) when its module exists.
 */
export const JOURNEYS: Readonly<Record<string, Journey>> = {
  default: DEFAULT_JOURNEY,
  uk: UK_JOURNEY,
  berlin: BERLIN_JOURNEY,
  uae: UAE_JOURNEY,
};
