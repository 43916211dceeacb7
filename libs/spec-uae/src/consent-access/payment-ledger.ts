import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { UsageCounterRepository, type UsageIncrement } from '@app/persistence';
import { consentKey } from '../registry/uae-consent-registry.js';
import type { Money } from '../shared/money.js';
import { periodIndex, type PaymentControls } from '../shared/payment-controls.js';

export type LedgerDecision =
  | { readonly outcome: 'accepted' }
  | { readonly outcome: 'refused'; readonly code: 'Consent.FailsControlParameters' | 'Consent.BusinessRuleViolation'; readonly message: string };

const UNLIMITED = 2n ** 63n - 1n;
const SINGLE_PAYMENT = 'single';
const ALL_COUNT = 'all:count';
const ALL_VALUE = 'all:value';

function limitOf(limit: bigint | number | undefined): bigint {
  return limit === undefined ? UNLIMITED : BigInt(limit);
}

/** What has been paid under a consent (AEPaymentConsumption), in fils. */
export interface PaymentConsumption {
  readonly count: bigint;
  readonly value: bigint;
  readonly countInCurrentPeriod?: bigint;
  readonly valueInCurrentPeriod?: bigint;
}

const refused = (message: string, code: 'Consent.FailsControlParameters' | 'Consent.BusinessRuleViolation' = 'Consent.FailsControlParameters'): LedgerDecision => ({
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

/**
 * The payments made under each service initiation consent, counted in the usage-counter table: one conditional
 * upsert per limit in a single transaction, so concurrent payments on any number of instances can never pass a
 * limit. A payment is counted once per x-idempotency-key: its replay gets the first answer and counts nothing.
 */
@Injectable()
export class PaymentLedger {
  constructor(private readonly counters: UsageCounterRepository) {}

  /** Counts a payment of `amount` today (`day`, days since the epoch) if the consent's controls allow it. */
  async record(clientId: string, consentId: string, idempotencyKey: string, controls: PaymentControls, amount: Money, day: number): Promise<LedgerDecision> {
    const key = consentKey(clientId, consentId);
    const counterKey = `uae:payments:${key}`;
    const increment = (periodKey: string, value: bigint, limit: bigint): UsageIncrement => ({ counterKey, periodKey, amount: value, limit });
    const increments: UsageIncrement[] = [];
    const reasons = new Map<string, LedgerDecision>();
    switch (controls.kind) {
      case 'file':
        return refused('File payments are not offered by this bank', 'Consent.BusinessRuleViolation');
      case 'single': {
        const problem = amountProblem(amount, controls.amount, undefined);
        if (problem !== undefined) {
          return refused(problem);
        }
        increments.push(increment(SINGLE_PAYMENT, 1n, 1n));
        reasons.set(SINGLE_PAYMENT, refused('The single payment of this consent has already been made: the consent is Consumed', 'Consent.BusinessRuleViolation'));
        break;
      }
      case 'multi': {
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
          increments.push(increment(`p${index}:count`, 1n, limitOf(periodic.maximumCountPerPeriod)));
          reasons.set(`p${index}:count`, refused('The maximum number of payments in this period has been reached'));
          increments.push(increment(`p${index}:value`, amount.minorUnits, limitOf(periodic.maximumValuePerPeriod?.minorUnits)));
          reasons.set(`p${index}:value`, refused('The payment would exceed the maximum cumulative value of payments in this period'));
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
          increments.push(increment(`d${scheduled.date}`, 1n, 1n));
          reasons.set(`d${scheduled.date}`, refused(`The payment scheduled on ${scheduled.date} has already been made`));
        }
        increments.push(increment(ALL_COUNT, 1n, limitOf(controls.maximumCumulativeCount)));
        reasons.set(ALL_COUNT, refused('The maximum cumulative number of payments of the consent has been reached'));
        increments.push(increment(ALL_VALUE, amount.minorUnits, limitOf(controls.maximumCumulativeValue?.minorUnits)));
        reasons.set(ALL_VALUE, refused('The payment would exceed the maximum cumulative value of payments of the consent'));
        break;
      }
    }
    // One counter key per consent, so the refused increment is told apart by its period key.
    const perPeriodCounters = increments.map((item) => ({ ...item, counterKey: `${counterKey}:${item.periodKey}` }));
    const requestId = `uae-payment:${createHash('sha256').update(`${key}\n${idempotencyKey}`).digest('hex')}`;
    const result = await this.counters.consume(requestId, perPeriodCounters);
    const outcome = result.outcome === 'replayed' ? result.previous : result;
    if (outcome.outcome === 'accepted') {
      return { outcome: 'accepted' };
    }
    const periodKey = outcome.counterKey.slice(counterKey.length + 1);
    return reasons.get(periodKey) ?? refused('The payment is outside the control parameters of the consent');
  }

  /** The payments counted so far, overall and in the period of `day` (for a periodic schedule). */
  async consumption(clientId: string, consentId: string, controls: PaymentControls, day: number): Promise<PaymentConsumption> {
    const counterKey = `uae:payments:${consentKey(clientId, consentId)}`;
    const used = (periodKey: string) => this.counters.usedIn(`${counterKey}:${periodKey}`, periodKey);
    if (controls.kind !== 'multi') {
      const count = controls.kind === 'single' ? await used(SINGLE_PAYMENT) : 0n;
      return { count, value: controls.kind === 'single' ? count * controls.amount.minorUnits : 0n };
    }
    const consumption = { count: await used(ALL_COUNT), value: await used(ALL_VALUE) };
    const index = controls.periodic === undefined ? undefined : periodIndex(controls.periodic, day);
    if (index === undefined) {
      return consumption;
    }
    return { ...consumption, countInCurrentPeriod: await used(`p${index}:count`), valueInCurrentPeriod: await used(`p${index}:value`) };
  }
}
