import type { JsonObject } from '@app/contract';
import { instantOf } from '../../shared/date-time.js';
import { objectAt, stringAt } from '../../shared/json.js';
import { UkErrorCode, ukRejection, type UkRejection } from '../../shared/uk-error.js';
import { accountIdentificationRejection } from './account-identification.rules.js';
import { currencyAmountRejection } from './amount.rules.js';
import { firstRejection, type BodyRules, type RuleContext } from './rule-context.js';
import { frequencyRejection } from './frequency.rules.js';
import { standingOrderScheduleRejection } from './standing-order-schedule.rules.js';

/** `OBExternalLocalInstrument1Code` (an `x-namespaced-enum`, not enforced by the schema validation). */
export const LOCAL_INSTRUMENTS = [
  'UK.OBIE.BACS',
  'UK.OBIE.BalanceTransfer',
  'UK.OBIE.CHAPS',
  'UK.OBIE.Euro1',
  'UK.OBIE.FPS',
  'UK.OBIE.Link',
  'UK.OBIE.MoneyTransfer',
  'UK.OBIE.Paym',
  'UK.OBIE.SEPACreditTransfer',
  'UK.OBIE.SEPAInstantCreditTransfer',
  'UK.OBIE.SWIFT',
  'UK.OBIE.Target2',
] as const;

export const INITIATION = 'Data.Initiation';

/** The rules every payment-order consent shares (§A.6): accounts, local instrument, amounts and currencies. */
export function initiationRejection(
  initiation: JsonObject | undefined,
  { options }: RuleContext,
): UkRejection | undefined {
  const debtor = objectAt(initiation, 'DebtorAccount');
  const creditor = objectAt(initiation, 'CreditorAccount');
  const localInstrument = stringAt(initiation, 'LocalInstrument');
  return firstRejection([
    () =>
      currencyAmountRejection(
        objectAt(initiation, 'InstructedAmount'),
        `${INITIATION}.InstructedAmount`,
        options.supportedCurrencies,
      ),
    () =>
      creditor === undefined ? undefined : accountIdentificationRejection(creditor, `${INITIATION}.CreditorAccount`),
    () => (debtor === undefined ? undefined : accountIdentificationRejection(debtor, `${INITIATION}.DebtorAccount`)),
    () =>
      localInstrument === undefined || (LOCAL_INSTRUMENTS as readonly string[]).includes(localInstrument)
        ? undefined
        : ukRejection(
            400,
            UkErrorCode.UnsupportedLocalInstrument,
            `LocalInstrument "${localInstrument}" is not supported`,
            `${INITIATION}.LocalInstrument`,
          ),
  ]);
}

/** A date of the initiation that must lie ahead (a payment cannot be scheduled in the past). */
export function futureDate(
  initiation: JsonObject | undefined,
  field: string,
  nowMillis: number,
): UkRejection | undefined {
  const at = instantOf(initiation?.[field]);
  return at !== undefined && at <= nowMillis
    ? ukRejection(
        400,
        UkErrorCode.FieldInvalidDate,
        `${INITIATION}.${field} must be in the future`,
        `${INITIATION}.${field}`,
      )
    : undefined;
}

export const domesticPaymentRules: BodyRules = (body, context) =>
  initiationRejection(objectAt(objectAt(body, 'Data'), 'Initiation'), context);

export const domesticScheduledPaymentRules: BodyRules = (body, context) => {
  const initiation = objectAt(objectAt(body, 'Data'), 'Initiation');
  return firstRejection([
    () => initiationRejection(initiation, context),
    () => futureDate(initiation, 'RequestedExecutionDateTime', context.nowMillis),
  ]);
};

/**
 * Standing orders (§A.6 "Standing order"): a coherent schedule first (the standard asks for an immediate rejection),
 * then a frequency the bank runs, the initiation, every amount valid, and the first payment ahead.
 */
export const domesticStandingOrderRules: BodyRules = (body, context) => {
  const initiation = objectAt(objectAt(body, 'Data'), 'Initiation');
  const { supportedCurrencies } = context.options;
  return firstRejection([
    () => standingOrderScheduleRejection(initiation),
    () => frequencyRejection(initiation?.['Frequency'], context.options.supportedFrequencies),
    () => initiationRejection(initiation, context),
    ...['FirstPaymentAmount', 'RecurringPaymentAmount', 'FinalPaymentAmount'].map(
      (field) => () =>
        currencyAmountRejection(objectAt(initiation, field), `${INITIATION}.${field}`, supportedCurrencies),
    ),
    () => futureDate(initiation, 'FirstPaymentDateTime', context.nowMillis),
  ]);
};
