import fc from 'fast-check';
import { answerViolations } from './answer-rules.js';
import { planArbitrary, type FuzzPlan } from './fuzz-arbitraries.js';
import { HttpSender } from './http-sender.js';
import { applyMutations, describeMutation, serialiseEnvelope } from './mutations.js';
import type { FuzzTarget, SeedCorpus } from './seed-corpus.js';
import { describeTransport, encodeForTransport } from './transport.js';

/*
 * A fuzz campaign: inputs generated from one seed, sent over real HTTP to a running service with a few connections
 * at once, every answer checked, every violation kept with its input for replay.
 */

export interface CampaignSettings {
  readonly baseUrl: string;
  /** The Authorization header the service expects. */
  readonly authorization: string | undefined;
  readonly corpus: SeedCorpus;
  readonly targets: readonly FuzzTarget[];
  readonly runs: number;
  readonly seed: number;
  /** Stop generating after this long even if fewer than `runs` inputs were sent. */
  readonly timeLimitMs: number | undefined;
  readonly connections: number;
  /** The body limit of the service under test: some inputs straddle it. */
  readonly bodyLimitBytes: number;
}

/** One input as sent: enough to send it again (`--replay`) and to read what it was. */
export interface FuzzInput {
  readonly index: number;
  readonly spec: string;
  readonly extension: FuzzTarget['extension'];
  readonly seedSource: string;
  readonly mutations: readonly string[];
  readonly transport: string;
  readonly contentType: string | undefined;
  readonly body: Buffer;
}

export interface Violation {
  readonly input: FuzzInput;
  readonly status: number | undefined;
  readonly answer: string;
  readonly violations: readonly string[];
}

export interface PointTally {
  inputs: number;
  violations: number;
}

export interface CampaignResult {
  readonly seed: number;
  readonly inputs: number;
  /** Every violating input counted; only the first MAX_KEPT_VIOLATIONS are in `violations`. */
  readonly violationCount: number;
  readonly violations: readonly Violation[];
  readonly byPoint: ReadonlyMap<string, PointTally>;
  readonly byStatus: ReadonlyMap<string, number>;
  readonly elapsedMs: number;
  readonly stoppedByTimeLimit: boolean;
}

/** Inputs generated per fast-check sample: large enough to amortise, small enough to keep memory flat. */
const CHUNK = 250;
/** At most this many violations are kept whole; beyond, they are only counted. */
const MAX_KEPT_VIOLATIONS = 200;

/** The seed of one chunk: chunks are independent, so a run of N inputs is a prefix of a run of more. */
function chunkSeed(seed: number, chunk: number): number {
  return (seed + Math.imul(chunk, 0x9e3779b1)) | 0;
}

/** Inputs grow to about this many times the body limit at most: some are over it, none are only network load. */
const GROWTH_OVER_LIMIT = 2;

export function buildInput(
  plan: FuzzPlan,
  index: number,
  settings: Pick<CampaignSettings, 'corpus' | 'targets' | 'seed' | 'bodyLimitBytes'>,
): FuzzInput {
  const target = settings.targets[plan.target % settings.targets.length];
  const seeds = settings.corpus.seedsFor(target);
  const seed = seeds[plan.seed % seeds.length];
  const requestId = `fuzz-${settings.seed}-${index}`;
  const text = serialiseEnvelope(
    applyMutations(requestId, seed.data, plan.mutations, GROWTH_OVER_LIMIT * settings.bodyLimitBytes),
  );
  const { body, contentType } = encodeForTransport(text, plan.transport);
  return {
    index,
    spec: target.spec,
    extension: target.extension,
    seedSource: seed.source,
    mutations: plan.mutations.map(describeMutation),
    transport: describeTransport(plan.transport),
    contentType,
    body,
  };
}

export interface CheckedInput {
  /** The HTTP status, or `no answer`. */
  readonly outcome: string;
  readonly violation: Violation | undefined;
}

/** Sends one input and checks its answer. */
export async function checkInput(sender: HttpSender, input: FuzzInput): Promise<CheckedInput> {
  const exchange = await sender.post(`/${input.spec}/${input.extension}`, input.body, input.contentType);
  if (exchange.kind === 'no-answer') {
    return {
      outcome: 'no answer',
      violation: { input, status: undefined, answer: '', violations: [`no answer: ${exchange.reason}`] },
    };
  }
  const violations = answerViolations(
    { extension: input.extension, body: input.body, contentType: input.contentType },
    exchange,
  );
  return {
    outcome: String(exchange.status),
    violation:
      violations.length === 0
        ? undefined
        : { input, status: exchange.status, answer: exchange.text.slice(0, 2_000), violations },
  };
}

export async function runCampaign(
  settings: CampaignSettings,
  onProgress: (sent: number) => void = () => undefined,
): Promise<CampaignResult> {
  const started = performance.now();
  const deadline = settings.timeLimitMs === undefined ? Number.POSITIVE_INFINITY : started + settings.timeLimitMs;
  const sender = new HttpSender(settings.baseUrl, settings.authorization, settings.connections);
  const arbitrary = planArbitrary(settings.targets.length, settings.bodyLimitBytes);
  const violations: Violation[] = [];
  const byPoint = new Map<string, PointTally>();
  const byStatus = new Map<string, number>();
  let violationCount = 0;
  let sent = 0;
  let stoppedByTimeLimit = false;
  try {
    for (let chunk = 0; sent < settings.runs && !stoppedByTimeLimit; chunk += 1) {
      const plans = fc.sample(arbitrary, {
        seed: chunkSeed(settings.seed, chunk),
        numRuns: Math.min(CHUNK, settings.runs - sent),
      });
      const firstIndex = sent;
      let next = 0;
      // A few connections at once: each worker takes the next plan until the chunk or the time is used up.
      const worker = async (): Promise<void> => {
        while (next < plans.length) {
          if (performance.now() > deadline) {
            stoppedByTimeLimit = true;
            return;
          }
          const index = firstIndex + next;
          const input = buildInput(plans[next], index, settings);
          next += 1;
          const { outcome, violation } = await checkInput(sender, input);
          sent += 1;
          const point = `${input.spec}/${input.extension}`;
          const tally = byPoint.get(point) ?? { inputs: 0, violations: 0 };
          tally.inputs += 1;
          byStatus.set(outcome, (byStatus.get(outcome) ?? 0) + 1);
          if (violation !== undefined) {
            tally.violations += 1;
            violationCount += 1;
            if (violations.length < MAX_KEPT_VIOLATIONS) {
              violations.push(violation);
            }
          }
          byPoint.set(point, tally);
          onProgress(sent);
        }
      };
      await Promise.all(Array.from({ length: settings.connections }, worker));
    }
  } finally {
    sender.close();
  }
  return {
    seed: settings.seed,
    inputs: sent,
    violationCount,
    violations,
    byPoint,
    byStatus,
    elapsedMs: performance.now() - started,
    stoppedByTimeLimit,
  };
}
