import type { ExtensionName } from '@app/contract';
import { JOURNEYS } from '../journeys/journey-registry.js';
import type { ExtensionCredentials } from '../simulator/identity-server-client.js';
import type { ConformanceCase, ConformanceReport, ConformanceSuite } from './conformance-report.js';
import { runRecordedJourney } from './recorded-journey.js';
import { RecordingIdentityServerClient } from './recording-client.js';
import { runTransportChecks } from './transport-checks.js';

export type ConformanceSuiteKind = 'transport' | 'journey';

export interface ConformanceOptions {
  /** The implementation's root; the specification segment is added per call. */
  readonly baseUrl: string;
  /** The specification whose journey runs and whose requests the probes imitate. */
  readonly spec: string;
  /** The path segment to call; defaults to `spec`. */
  readonly servedAs?: string;
  readonly credentials: ExtensionCredentials;
  /** The points the implementation enables (its `allowed_extensions`); undefined: all 24. */
  readonly points?: readonly ExtensionName[];
  /** Defaults to both. */
  readonly suites?: readonly ConformanceSuiteKind[];
  /** Per call; defaults to the identity server's 5 s read timeout. */
  readonly timeoutMs?: number;
  /** Told when a suite starts and as each case ends, for a live log. */
  readonly progress?: (line: string) => void;
}

const MARKS = { passed: '✓', failed: '✗', skipped: '-' } as const;

/**
 * Runs the conformance kit against any extension service: the transport checks, then the specification's journey,
 * exactly as the identity server would call the service. Never throws for what the service answers; every finding is
 * a case of the report.
 */
export async function runConformance(options: ConformanceOptions): Promise<ConformanceReport> {
  const journey = JOURNEYS[options.spec];
  if (journey === undefined) {
    throw new Error(`No journey for specification "${options.spec}"; known: ${Object.keys(JOURNEYS).join(', ')}`);
  }
  const servedAs = options.servedAs ?? options.spec;
  const enabledPoints = options.points === undefined ? undefined : new Set(options.points);
  const kinds = options.suites ?? ['transport', 'journey'];
  const progress = options.progress ?? (() => undefined);
  const tell = (entry: ConformanceCase): void => progress(`  ${MARKS[entry.status]} ${entry.name} — ${entry.detail}`);
  const startedAt = new Date();
  const started = performance.now();
  const suites: ConformanceSuite[] = [];

  if (kinds.includes('transport')) {
    progress('transport');
    const cases = await runTransportChecks({
      baseUrl: options.baseUrl,
      servedAs,
      spec: options.spec,
      credentials: options.credentials,
      enabledPoints,
      ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    });
    cases.forEach(tell);
    suites.push({
      name: 'transport',
      description: 'Envelope, authentication, charset, retries and error shapes (contract §2)',
      cases,
    });
  }
  if (kinds.includes('journey')) {
    progress(`journey ${journey.name}`);
    const client = new RecordingIdentityServerClient({
      baseUrl: options.baseUrl,
      spec: servedAs,
      credentials: options.credentials,
      ...(enabledPoints === undefined ? {} : { enabledPoints }),
      ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    });
    const run = await runRecordedJourney(journey, client);
    const cases = run.steps.map((step): ConformanceCase => ({
      name: step.name,
      status: step.status,
      detail: step.detail,
      durationMs: step.durationMs,
      exchanges: step.exchanges,
    }));
    cases.forEach(tell);
    suites.push({ name: `journey ${journey.name}`, description: journey.description, cases });
  }
  return {
    baseUrl: withoutCredentials(options.baseUrl),
    servedAs,
    spec: options.spec,
    points: options.points,
    startedAt,
    durationMs: performance.now() - started,
    suites,
  };
}

/** A base URL may carry `user:password@`; reports never do. */
function withoutCredentials(baseUrl: string): string {
  if (!URL.canParse(baseUrl)) {
    return baseUrl;
  }
  const url = new URL(baseUrl);
  url.username = '';
  url.password = '';
  return url.toString().replace(/\/+$/, '');
}
