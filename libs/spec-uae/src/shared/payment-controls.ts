import type { JsonObject } from '@app/contract';
import { parseDate } from './date-time.js';
import { isJsonObject, objectAt, stringAt } from './json.js';
import { moneyAt, type Money } from './money.js';

/*
 * The ControlParameters of a service initiation consent (spec-rules §C.3) as limits: what one payment may be, and
 * what the payments may add up to over the consent and per period. Read once from an already-validated consent.
 */

export type PeriodType = 'Day' | 'Week' | 'Month' | 'Year';

export interface DefinedPayment {
  /** Days since the epoch of its PaymentExecutionDate. */
  readonly day: number;
  readonly date: string;
  readonly exactAmount?: Money;
  readonly maximumAmount?: Money;
}

export interface PeriodicLimits {
  readonly scheduleType: string;
  readonly periodType: PeriodType;
  /** Days since the epoch of PeriodStartDate. */
  readonly periodStartDay: number;
  readonly exactAmount?: Money;
  readonly maximumAmount?: Money;
  readonly maximumValuePerPeriod?: Money;
  readonly maximumCountPerPeriod?: number;
}

export interface SinglePaymentControls {
  readonly kind: 'single';
  readonly amount: Money;
}

export interface MultiPaymentControls {
  readonly kind: 'multi';
  readonly maximumCumulativeValue?: Money;
  readonly maximumCumulativeCount?: number;
  readonly periodic?: PeriodicLimits;
  readonly defined?: { readonly scheduleType: string; readonly payments: readonly DefinedPayment[] };
}

/**
 * A "Combined Payment" (one SinglePayment and one MultiPayment, as the ConsentSchedule description names it), which a
 * bank accepts only with UAE_ALLOW_COMBINED_PAYMENT_SCHEDULE.
 */
export interface CombinedPaymentControls {
  readonly kind: 'combined';
  readonly single: SinglePaymentControls;
  readonly multi: MultiPaymentControls;
}

export type PaymentControls =
  SinglePaymentControls | MultiPaymentControls | CombinedPaymentControls | { readonly kind: 'file' };

const PERIOD_TYPES: readonly string[] = ['Day', 'Week', 'Month', 'Year'];

function positiveInteger(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isSafeInteger(value) ? value : undefined;
}

function periodicLimits(schedule: JsonObject, scheduleType: string): PeriodicLimits | undefined {
  const periodType = stringAt(schedule, 'PeriodType');
  const periodStartDay = parseDate(schedule['PeriodStartDate']);
  if (periodType === undefined || !PERIOD_TYPES.includes(periodType) || periodStartDay === undefined) {
    return undefined;
  }
  const controls = objectAt(schedule, 'Controls');
  const fixed = scheduleType.startsWith('Fixed');
  const onePerPeriod = scheduleType.endsWith('PeriodicSchedule');
  const exactAmount = fixed ? moneyAt(schedule, 'Amount') : undefined;
  const maximumAmount = fixed
    ? undefined
    : (moneyAt(schedule, 'MaximumIndividualAmount') ?? moneyAt(controls, 'MaximumIndividualAmount'));
  const maximumValuePerPeriod = moneyAt(controls, 'MaximumCumulativeValueOfPaymentsPerPeriod');
  const maximumCountPerPeriod = onePerPeriod
    ? 1
    : positiveInteger(controls?.['MaximumCumulativeNumberOfPaymentsPerPeriod']);
  return {
    scheduleType,
    periodType: periodType as PeriodType,
    periodStartDay,
    ...(exactAmount ? { exactAmount } : {}),
    ...(maximumAmount ? { maximumAmount } : {}),
    ...(maximumValuePerPeriod ? { maximumValuePerPeriod } : {}),
    ...(maximumCountPerPeriod !== undefined ? { maximumCountPerPeriod } : {}),
  };
}

function definedPayments(schedule: JsonObject): DefinedPayment[] {
  const entries = Array.isArray(schedule['Schedule']) ? (schedule['Schedule'] as unknown[]) : [];
  return entries.filter(isJsonObject).flatMap((entry) => {
    const date = stringAt(entry, 'PaymentExecutionDate');
    const day = parseDate(date);
    if (date === undefined || day === undefined) {
      return [];
    }
    const exactAmount = moneyAt(entry, 'Amount');
    const maximumAmount = moneyAt(entry, 'MaximumIndividualAmount');
    return [{ day, date, ...(exactAmount ? { exactAmount } : {}), ...(maximumAmount ? { maximumAmount } : {}) }];
  });
}

function multiPaymentControls(multi: JsonObject): MultiPaymentControls | undefined {
  const maximumCumulativeValue = moneyAt(multi, 'MaximumCumulativeValueOfPayments');
  const maximumCumulativeCount = positiveInteger(multi['MaximumCumulativeNumberOfPayments']);
  const periodicSchedule = objectAt(multi, 'PeriodicSchedule') ?? {};
  const scheduleType = stringAt(periodicSchedule, 'Type') ?? '';
  const common = {
    kind: 'multi' as const,
    ...(maximumCumulativeValue ? { maximumCumulativeValue } : {}),
    ...(maximumCumulativeCount !== undefined ? { maximumCumulativeCount } : {}),
  };
  if (scheduleType.endsWith('DefinedSchedule')) {
    return { ...common, defined: { scheduleType, payments: definedPayments(periodicSchedule) } };
  }
  const periodic = periodicLimits(periodicSchedule, scheduleType);
  return periodic === undefined ? undefined : { ...common, periodic };
}

/** The limits of a consent's ControlParameters, or undefined when it names no schedule this module knows. */
export function paymentControlsOf(consent: unknown): PaymentControls | undefined {
  const schedule = objectAt(objectAt(consent, 'ControlParameters'), 'ConsentSchedule');
  const singleNode = objectAt(schedule, 'SinglePayment');
  const multiNode = objectAt(schedule, 'MultiPayment');
  const amount = singleNode === undefined ? undefined : moneyAt(singleNode, 'Amount');
  const single: SinglePaymentControls | undefined = amount === undefined ? undefined : { kind: 'single', amount };
  const multi = multiNode === undefined ? undefined : multiPaymentControls(multiNode);
  if ((singleNode !== undefined && single === undefined) || (multiNode !== undefined && multi === undefined)) {
    return undefined;
  }
  if (single !== undefined && multi !== undefined) {
    return { kind: 'combined', single, multi };
  }
  return single ?? multi ?? (objectAt(schedule, 'FilePayment') !== undefined ? { kind: 'file' } : undefined);
}

/** The schedule's type as the standards name it (`SingleInstantPayment`, `VariableOnDemand`, …). */
export function scheduleTypeOf(controls: SinglePaymentControls | MultiPaymentControls): string {
  return controls.kind === 'single'
    ? 'SingleInstantPayment'
    : (controls.periodic?.scheduleType ?? controls.defined?.scheduleType ?? '');
}

/** Every amount the controls name, for the currency rule. */
export function amountsOf(controls: PaymentControls): Money[] {
  switch (controls.kind) {
    case 'single':
      return [controls.amount];
    case 'file':
      return [];
    case 'combined':
      return [...amountsOf(controls.single), ...amountsOf(controls.multi)];
    case 'multi': {
      const periodic = controls.periodic;
      return [
        controls.maximumCumulativeValue,
        periodic?.exactAmount,
        periodic?.maximumAmount,
        periodic?.maximumValuePerPeriod,
        ...(controls.defined?.payments.flatMap((payment) => [payment.exactAmount, payment.maximumAmount]) ?? []),
      ].filter((money): money is Money => money !== undefined);
    }
  }
}

/** Whether the consent allows more than one payment (the identity server's `recurringIndicator`). */
export function isRecurring(controls: PaymentControls | undefined): boolean {
  return controls?.kind === 'multi' || controls?.kind === 'combined';
}

/**
 * The period a day falls in, counted from PeriodStartDate (period 0 starts on it), or undefined before it. Months and
 * years are calendar steps from the start date's day of month.
 */
export function periodIndex(limits: PeriodicLimits, day: number): number | undefined {
  if (day < limits.periodStartDay) {
    return undefined;
  }
  const start = new Date(limits.periodStartDay * 86_400_000);
  const today = new Date(day * 86_400_000);
  switch (limits.periodType) {
    case 'Day':
      return day - limits.periodStartDay;
    case 'Week':
      return Math.floor((day - limits.periodStartDay) / 7);
    case 'Month': {
      const months = (today.getUTCFullYear() - start.getUTCFullYear()) * 12 + today.getUTCMonth() - start.getUTCMonth();
      return today.getUTCDate() < start.getUTCDate() ? months - 1 : months;
    }
    case 'Year': {
      const years = today.getUTCFullYear() - start.getUTCFullYear();
      const beforeAnniversary =
        today.getUTCMonth() < start.getUTCMonth() ||
        (today.getUTCMonth() === start.getUTCMonth() && today.getUTCDate() < start.getUTCDate());
      return beforeAnniversary ? years - 1 : years;
    }
  }
}
