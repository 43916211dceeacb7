import type { IdentityServerSimulator, SimulatedExchange } from '@app/testing';
import { accountAccessScenarios, UK_ACCOUNT_ACCESS } from '../bench/account-access-scenarios.js';
import { countedAccountRead } from '../bench/berlin-scenarios.js';
import { idempotencyKeyOf } from '../bench/consent-journey.js';
import { RequestTemplate } from '../bench/request-template.js';
import { benchVrpConsentBody, vrpPaymentWithinLimits } from '../bench/uk-vrp-scenarios.js';

/*
 * What the fault tests send: the bytes the identity server sends at four points of real journeys (taken from the
 * simulator, as the bench takes them), each call with a fresh requestId:
 * - two points whose answer the identity server stores, so the service records it for replay: UK account-access
 *   consent creation and its persist (`recorded`);
 * - two points whose usage is limited in the database: Berlin Group account reads counted against a low
 *   `frequencyPerDay`, and UK VRP payments against a low daily amount (`limited`), spread over a few consents each,
 *   so that every load exhausts every limit and the number accepted per consent must be exactly the limit.
 */

export type CallKind = 'uk-creation' | 'uk-persist' | 'berlin-read' | 'uk-vrp';

/*
 * Low limits, so that even a short load on a slow cluster (a few hundred calls) exhausts every one of them: a limit
 * that is never reached proves nothing about its exactness.
 */
/** The Berlin consents' frequencyPerDay: each consent must accept exactly this many reads in a day. */
export const BERLIN_FREQUENCY = 10;
export const BERLIN_CONSENTS = 2;
/** A VRP consent's daily limit and the payment: exactly 10 payments of 0.05 GBP fit in a day. */
export const VRP_DAILY_LIMIT = '0.50';
export const VRP_PAYMENT = '0.05';
export const VRP_PAYMENTS_PER_DAY = 10;
export const VRP_CONSENTS = 2;

/** One limited budget: the calls of one consent, of which exactly `limit` may be accepted in total. */
export interface LimitedBudget {
  readonly name: string;
  /** Accepted calls allowed per day, the preparation's own accepted call included. */
  readonly limit: number;
}

export interface WorkloadCall {
  readonly kind: CallKind;
  readonly requestId: string;
  readonly path: string;
  readonly body: Buffer;
  /** For `limited` kinds: the budget (consent) this call draws on. */
  readonly budget?: LimitedBudget;
}

interface Source {
  readonly kind: CallKind;
  readonly template: RequestTemplate;
  readonly budget?: LimitedBudget;
}

export function isRecordedKind(kind: CallKind): boolean {
  return kind === 'uk-creation' || kind === 'uk-persist';
}

/** The prepared bodies; `next()` hands out calls in turn over the four kinds and their consents. */
export class Workload {
  private cursor = 0;
  private counter = 0;

  private constructor(
    private readonly sources: readonly Source[],
    private readonly runPrefix: string,
  ) {}

  /** Runs the journeys against the service at `baseUrl` (through `simulatorFor`) and keeps the point's bytes. */
  static async prepare(simulatorFor: (spec: string) => IdentityServerSimulator, runPrefix: string): Promise<Workload> {
    const [creation, , persist] = accountAccessScenarios('uk', UK_ACCOUNT_ACCESS);
    const sources: Source[] = [
      { kind: 'uk-creation', template: templateOf(await creation.prepare(simulatorFor('uk'))) },
      { kind: 'uk-persist', template: templateOf(await persist.prepare(simulatorFor('uk'))) },
    ];
    for (let index = 0; index < BERLIN_CONSENTS; index += 1) {
      const exchange = await countedAccountRead(simulatorFor('berlin'), BERLIN_FREQUENCY);
      sources.push({
        kind: 'berlin-read',
        template: templateOf(exchange),
        budget: { name: `berlin consent ${index + 1}`, limit: BERLIN_FREQUENCY },
      });
    }
    for (let index = 0; index < VRP_CONSENTS; index += 1) {
      const exchange = await vrpPaymentWithinLimits(
        simulatorFor('uk'),
        benchVrpConsentBody(Date.now(), VRP_DAILY_LIMIT, 'Consent'),
        VRP_PAYMENT,
      );
      // A payment is counted once per x-idempotency-key: every call gets its own, derived from its requestId.
      sources.push({
        kind: 'uk-vrp',
        template: templateOf(exchange, idempotencyKeyOf(exchange)),
        budget: { name: `vrp consent ${index + 1}`, limit: VRP_PAYMENTS_PER_DAY },
      });
    }
    return new Workload(sources, runPrefix);
  }

  get budgets(): readonly LimitedBudget[] {
    return this.sources.flatMap((source) => (source.budget === undefined ? [] : [source.budget]));
  }

  /**
   * The next call: the recorded points get half of the calls, the limited ones the other half, each consent in turn.
   * Ids are `<run prefix>-<counter>`: distinct within a run and across runs on one database.
   */
  next(): WorkloadCall {
    const recorded = this.sources.filter((source) => source.budget === undefined);
    const limited = this.sources.filter((source) => source.budget !== undefined);
    const turn = this.cursor;
    this.cursor += 1;
    const source = turn % 2 === 0 ? recorded[(turn / 2) % recorded.length] : limited[((turn - 1) / 2) % limited.length];
    this.counter += 1;
    const requestId = `${this.runPrefix}-${this.counter}`;
    return {
      kind: source.kind,
      requestId,
      path: source.template.path,
      body: source.template.withRequestId(requestId),
      ...(source.budget === undefined ? {} : { budget: source.budget }),
    };
  }
}

function templateOf(exchange: SimulatedExchange, perRequestValues: readonly string[] = []): RequestTemplate {
  return new RequestTemplate(
    new URL(exchange.request.url).pathname,
    exchange.request.body,
    exchange.request.requestId,
    perRequestValues,
  );
}
