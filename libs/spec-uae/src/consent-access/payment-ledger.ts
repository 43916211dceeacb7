import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { UsageCounterRepository, type UsageIncrement } from '@app/persistence';
import { consentKey } from '../registry/uae-consent-registry.js';
import type { Money } from '../shared/money.js';
import {
  periodIndex,
  type MultiPaymentControls,
  type PaymentControls,
  type SinglePaymentControls,
} from '../shared/payment-controls.js';

export type LedgerDecision =
  | { readonly outcome: 'accepted' }
  | {
      readonly outcome: 'refused';
      readonly code: 'Consent.FailsControlParameters' | 'Consent.BusinessRuleViolation';
      readonly message: string;
    };

const UNLIMITED = 2n ** 63n - 1n;
const SINGLE_PAYMENT = 'single';
const ALL_COUNT = 'all:count';
const ALL_VALUE = 'all:value';

function limitOf(limit: bigint | number | undefined): bigint {
  // Validated when the consent was made; one the identity server hands back out of range (negative, fractional,
  // beyond 2^63) is read as the nearest whole limit instead of failing the counter.
  const whole =
    typeof limit === 'number' ? BigInt(Math.max(0, Math.min(Number.MAX_SAFE_INTEGER, Math.floor(limit)))) : limit;
  return whole === undefined ? UNLIMITED : whole < 0n ? 0n : whole > UNLIMITED ? UNLIMITED : whole;
}

/** What has been paid under a consent (AEPaymentConsumption), in fils. */
export interface PaymentConsumption {
  readonly count: bigint;
  readonly value: bigint;
  readonly countInCurrentPeriod?: bigint;
  readonly valueInCurrentPeriod?: bigint;
}

const refused = (
  message: string,
  code: 'Consent.FailsControlParameters' | 'Consent.BusinessRuleViolation' = 'Consent.FailsControlParameters',
): LedgerDecision => ({
  outcome: 'refused',
  code,
  message,
});

function amountProblem(amount: Money, exact: Money | undefined, maximum: Money | undefined): string | undefined {
  const currency = (exact ?? maximum)?.currency;
  if (currency !== undefined && amount.currency !== currency) {
    return `The payment must be in ${currency}, the currency of the consent`;
  }
  if (exact !== undefined && amount.minorUnits !== exact.minorUnits) {
    return 'The payment amount must equal the amount of the consent';
  }
  if (maximum !== undefined && amount.minorUnits > maximum.minorUnits) {
    return 'The payment amount is above the maximum individual amount of the consent';
  }
  return undefined;
}

/** The counters one payment moves, and why each would refuse it. */
interface CountingPlan {
  readonly increments: readonly UsageIncrement[];
  readonly reasons: ReadonlyMap<string, LedgerDecision>;
}

function sameMoney(left: Money, right: Money): boolean {
  return left.currency === right.currency && left.minorUnits === right.minorUnits;
}

/**
 * The counters a payment of `amount` on `day` moves under one schedule (one counter key per consent; each limit is a
 * period key), or the refusal when it fits no scheduled payment at all.
 */
function countingPlan(
  counterKey: string,
  controls: SinglePaymentControls | MultiPaymentControls,
  amount: Money,
  day: number,
): CountingPlan | LedgerDecision {
  const increments: UsageIncrement[] = [];
  const reasons = new Map<string, LedgerDecision>();
  const count = (periodKey: string, value: bigint, limit: bigint, reason: LedgerDecision): void => {
    increments.push({ counterKey, periodKey, amount: value, limit });
    reasons.set(periodKey, reason);
  };
  if (controls.kind === 'single') {
    const problem = amountProblem(amount, controls.amount, undefined);
    if (problem !== undefined) {
      return refused(problem);
    }
    count(
      SINGLE_PAYMENT,
      1n,
      1n,
      refused(
        'The single payment of this consent has already been made: the consent is Consumed',
        'Consent.BusinessRuleViolation',
      ),
    );
    return { increments, reasons };
  }
  const periodic = controls.periodic;
  if (periodic !== undefined) {
    const index = periodIndex(periodic, day);
    if (index === undefined) {
      return refused('The payment is before the PeriodStartDate of the consent');
    }
    const problem = amountProblem(amount, periodic.exactAmount, periodic.maximumAmount);
    if (problem !== undefined) {
      return refused(problem);
    }
    // Counted even without a limit, for the consent's PaymentConsumption.
    count(
      `p${index}:count`,
      1n,
      limitOf(periodic.maximumCountPerPeriod),
      refused('The maximum number of payments in this period has been reached'),
    );
    count(
      `p${index}:value`,
      amount.minorUnits,
      limitOf(periodic.maximumValuePerPeriod?.minorUnits),
      refused('The payment would exceed the maximum cumulative value of payments in this period'),
    );
  }
  if (controls.defined !== undefined) {
    const scheduled = controls.defined.payments.find((payment) => payment.day === day);
    if (scheduled === undefined) {
      return refused('No payment of the consent is scheduled today');
    }
    const problem = amountProblem(amount, scheduled.exactAmount, scheduled.maximumAmount);
    if (problem !== undefined) {
      return refused(problem);
    }
    count(`d${scheduled.date}`, 1n, 1n, refused(`The payment scheduled on ${scheduled.date} has already been made`));
  }
  count(
    ALL_COUNT,
    1n,
    limitOf(controls.maximumCumulativeCount),
    refused('The maximum cumulative number of payments of the consent has been reached'),
  );
  count(
    ALL_VALUE,
    amount.minorUnits,
    limitOf(controls.maximumCumulativeValue?.minorUnits),
    refused('The payment would exceed the maximum cumulative value of payments of the consent'),
  );
  return { increments, reasons };
}

/**
 * The payments made under each service initiation consent, counted in the usage-counter table: one conditional
 * upsert per limit in a single transaction, so concurrent payments on any number of instances can never pass a
 * limit. A payment is counted once per x-idempotency-key: its replay gets the first answer and counts nothing.
 */
@Injectable()
export class PaymentLedger {
  constructor(private readonly counters: UsageCounterRepository) {}

  /** Counts a payment of `amount` on `day` (a UAE calendar day, days since the epoch) if the consent's controls allow it. */
  async record(
    clientId: string,
    consentId: string,
    idempotencyKey: string,
    controls: PaymentControls,
    amount: Money,
    day: number,
  ): Promise<LedgerDecision> {
    const key = consentKey(clientId, consentId);
    const counterKey = `uae:payments:${key}`;
    const requestId = `uae-payment:${createHash('sha256').update(`${key}\n${idempotencyKey}`).digest('hex')}`;
    switch (controls.kind) {
      case 'file':
        return refused('File payments are not offered by this bank', 'Consent.BusinessRuleViolation');
      case 'single':
      case 'multi':
        return this.count(counterKey, requestId, countingPlan(counterKey, controls, amount, day));
      case 'combined': {
        // A payment of exactly the single payment's amount is that payment while it is unmade; every other payment
        // (and any once it is made) counts against the multi-payment controls. Each attempt is idempotent on its own.
        if (sameMoney(amount, controls.single.amount)) {
          const single = await this.count(
            counterKey,
            `${requestId}:single`,
            countingPlan(counterKey, controls.single, amount, day),
          );
          if (single.outcome === 'accepted') {
            return single;
          }
        }
        return this.count(counterKey, `${requestId}:multi`, countingPlan(counterKey, controls.multi, amount, day));
      }
    }
  }

  /** Moves every counter of the plan in one transaction, or none. */
  private async count(
    counterKey: string,
    requestId: string,
    plan: CountingPlan | LedgerDecision,
  ): Promise<LedgerDecision> {
    if ('outcome' in plan) {
      return plan;
    }
    // One counter key per consent, so the refused increment is told apart by its period key.
    const perPeriodCounters = plan.increments.map((item) => ({
      ...item,
      counterKey: `${counterKey}:${item.periodKey}`,
    }));
    const result = await this.counters.consume(requestId, perPeriodCounters);
    const outcome = result.outcome === 'replayed' ? result.previous : result;
    if (outcome.outcome === 'accepted') {
      return { outcome: 'accepted' };
    }
    const periodKey = outcome.counterKey.slice(counterKey.length + 1);
    return plan.reasons.get(periodKey) ?? refused('The payment is outside the control parameters of the consent');
  }

  /** The payments counted so far, overall and in the period of `day` (for a periodic schedule). */
  async consumption(
    clientId: string,
    consentId: string,
    controls: PaymentControls,
    day: number,
  ): Promise<PaymentConsumption> {
    const counterKey = `uae:payments:${consentKey(clientId, consentId)}`;
    const used = (periodKey: string) => this.counters.usedIn(`${counterKey}:${periodKey}`, periodKey);
    switch (controls.kind) {
      case 'file':
        return { count: 0n, value: 0n };
      case 'single': {
        const count = await used(SINGLE_PAYMENT);
        return { count, value: count * controls.amount.minorUnits };
      }
      case 'multi':
        return this.multiConsumption(used, controls, day);
      case 'combined': {
        const single = await used(SINGLE_PAYMENT);
        const multi = await this.multiConsumption(used, controls.multi, day);
        return {
          ...multi,
          count: multi.count + single,
          value: multi.value + single * controls.single.amount.minorUnits,
        };
      }
    }
  }

  private async multiConsumption(
    used: (periodKey: string) => Promise<bigint>,
    controls: MultiPaymentControls,
    day: number,
  ): Promise<PaymentConsumption> {
    const consumption = { count: await used(ALL_COUNT), value: await used(ALL_VALUE) };
    const index = controls.periodic === undefined ? undefined : periodIndex(controls.periodic, day);
    if (index === undefined) {
      return consumption;
    }
    return {
      ...consumption,
      countInCurrentPeriod: await used(`p${index}:count`),
      valueInCurrentPeriod: await used(`p${index}:value`),
    };
  }
}
