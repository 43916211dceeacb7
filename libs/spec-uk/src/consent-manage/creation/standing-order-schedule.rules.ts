import type { JsonObject } from '@app/contract';
import { scaledAmount } from '../../shared/amount.js';
import { instantOf } from '../../shared/date-time.js';
import { objectAt, stringAt } from '../../shared/json.js';
import { UkErrorCode, ukRejection, type UkRejection } from '../../shared/uk-error.js';
import { firstRejection } from './rule-context.js';

/*
 * The schedule of a domestic standing order (OBDomesticStandingOrder3, "Notes" of the v3.1.11 page
 * domestic-standing-order-consents): rules between fields that the official schema cannot express. The ASPSP "must
 * reject the domestic-standing-order-consent request immediately" when it can establish a problem with the payload.
 */

const INITIATION = 'Data.Initiation';
const NUMBER_OF_PAYMENTS = /^0*[1-9]\d*$/;

/**
 * "Either the NumberOfPayments or FinalPaymentDateTime must be specified (not both)". Field.Unexpected is "a
 * field-value … not expected in combination with preceding field-value pairs": NumberOfPayments precedes
 * FinalPaymentDateTime in the schema, so FinalPaymentDateTime is the field reported (the identity server reorders
 * keys, so the order the TPP wrote them in cannot decide).
 */
function endConditionRejection(initiation: JsonObject): UkRejection | undefined {
  return Object.hasOwn(initiation, 'NumberOfPayments') && Object.hasOwn(initiation, 'FinalPaymentDateTime')
    ? ukRejection(
        400,
        UkErrorCode.FieldUnexpected,
        'FinalPaymentDateTime must not be given with NumberOfPayments: a standing order ends after a number of payments or on a final date, not both',
        `${INITIATION}.FinalPaymentDateTime`,
      )
    : undefined;
}

/** NumberOfPayments is a Max35Text in the schema, but it counts payments: a whole number above zero. */
function numberOfPaymentsRejection(initiation: JsonObject): UkRejection | undefined {
  const count = initiation['NumberOfPayments'];
  return count === undefined || (typeof count === 'string' && NUMBER_OF_PAYMENTS.test(count))
    ? undefined
    : ukRejection(
        400,
        UkErrorCode.FieldInvalid,
        'NumberOfPayments must be a whole number of payments above 0',
        `${INITIATION}.NumberOfPayments`,
      );
}

function sameAmount(left: JsonObject | undefined, right: JsonObject | undefined): boolean {
  const leftAmount = scaledAmount(left?.['Amount']);
  return (
    leftAmount !== undefined &&
    leftAmount === scaledAmount(right?.['Amount']) &&
    stringAt(left, 'Currency') === stringAt(right, 'Currency')
  );
}

/**
 * "The recurring payment (and date) must only be populated if different from the first payment (and date)": a
 * recurring amount or date equal to the first is unexpected; a first recurring date before the first payment cannot
 * be met.
 */
function recurringPaymentRejection(initiation: JsonObject): UkRejection | undefined {
  const first = instantOf(initiation['FirstPaymentDateTime']);
  const recurring = instantOf(initiation['RecurringPaymentDateTime']);
  if (first !== undefined && recurring !== undefined && recurring <= first) {
    return recurring === first
      ? ukRejection(
          400,
          UkErrorCode.FieldUnexpected,
          'RecurringPaymentDateTime must only be given when it differs from FirstPaymentDateTime',
          `${INITIATION}.RecurringPaymentDateTime`,
        )
      : ukRejection(
          400,
          UkErrorCode.FieldInvalidDate,
          'RecurringPaymentDateTime must not be before FirstPaymentDateTime',
          `${INITIATION}.RecurringPaymentDateTime`,
        );
  }
  return sameAmount(objectAt(initiation, 'RecurringPaymentAmount'), objectAt(initiation, 'FirstPaymentAmount'))
    ? ukRejection(
        400,
        UkErrorCode.FieldUnexpected,
        'RecurringPaymentAmount must only be given when it differs from FirstPaymentAmount',
        `${INITIATION}.RecurringPaymentAmount`,
      )
    : undefined;
}

/** The final payment comes after the first payment and after the first recurring payment. */
function finalPaymentRejection(initiation: JsonObject): UkRejection | undefined {
  const final = instantOf(initiation['FinalPaymentDateTime']);
  if (final === undefined) {
    return undefined;
  }
  const earlier = (['FirstPaymentDateTime', 'RecurringPaymentDateTime'] as const).find((field) => {
    const at = instantOf(initiation[field]);
    return at !== undefined && final < at;
  });
  return earlier === undefined
    ? undefined
    : ukRejection(
        400,
        UkErrorCode.FieldInvalidDate,
        `FinalPaymentDateTime must not be before ${earlier}`,
        `${INITIATION}.FinalPaymentDateTime`,
      );
}

/** The first broken schedule rule of a standing-order initiation, in a fixed order. */
export function standingOrderScheduleRejection(initiation: JsonObject | undefined): UkRejection | undefined {
  if (initiation === undefined) {
    return undefined;
  }
  return firstRejection([
    () => endConditionRejection(initiation),
    () => numberOfPaymentsRejection(initiation),
    () => recurringPaymentRejection(initiation),
    () => finalPaymentRejection(initiation),
  ]);
}
