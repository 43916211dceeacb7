import type { JsonObject } from '@app/contract';
import { objectAt, stringAt } from '../../shared/json.js';
import { UkErrorCode, ukRejection, type UkRejection } from '../../shared/uk-error.js';
import { supportedCurrencyRejection } from './amount.rules.js';
import { frequencyRejection } from './frequency.rules.js';
import { futureDate, INITIATION, initiationRejection } from './payment.rules.js';
import { firstRejection, type BodyRules, type RuleContext } from './rule-context.js';
import { standingOrderScheduleRejection } from './standing-order-schedule.rules.js';

/*
 * International payment-order consents (OBInternational3, OBInternationalScheduled3, OBInternationalStandingOrder4;
 * the "Notes" of their v3.1.11 pages): rules between fields that the official schema cannot express.
 */

const EXCHANGE_RATE = `${INITIATION}.ExchangeRateInformation`;
const CREDITOR_AGENT = `${INITIATION}.CreditorAgent`;
const RATE_FIELDS = ['ExchangeRate', 'ContractIdentification'] as const;

/** "CreditorAgent must at least have either of the pairs provided: SchemeName and Identification, or Name and PostalAddress." */
export function creditorAgentRejection(agent: JsonObject | undefined): UkRejection | undefined {
  if (agent === undefined) {
    return undefined;
  }
  const has = (field: string): boolean => Object.hasOwn(agent, field);
  if (has('SchemeName') || has('Identification')) {
    const missing = ['SchemeName', 'Identification'].find((field) => !has(field));
    return missing === undefined
      ? undefined
      : ukRejection(
          400,
          UkErrorCode.FieldExpected,
          `CreditorAgent.${missing} must be given with the other identification field`,
          `${CREDITOR_AGENT}.${missing}`,
        );
  }
  const missing = ['Name', 'PostalAddress'].find((field) => !has(field));
  return missing === undefined
    ? undefined
    : ukRejection(
        400,
        UkErrorCode.FieldExpected,
        'CreditorAgent needs SchemeName and Identification, or Name and PostalAddress',
        `${CREDITOR_AGENT}.${missing}`,
      );
}

/**
 * ExchangeRateInformation: "A PISP must specify ExchangeRate and ContractIdentification when requesting an Agreed
 * RateType" (missing: Field.Expected), and "must not specify ExchangeRate and/or ContractIdentification" with an Actual
 * or Indicative one (present: Field.Unexpected).
 */
export function exchangeRateRejection(exchangeRate: JsonObject | undefined): UkRejection | undefined {
  const rateType = stringAt(exchangeRate, 'RateType');
  const present = (field: string): boolean => exchangeRate !== undefined && Object.hasOwn(exchangeRate, field);
  if (rateType === 'Agreed') {
    const missing = RATE_FIELDS.find((field) => !present(field));
    return missing === undefined
      ? undefined
      : ukRejection(
          400,
          UkErrorCode.FieldExpected,
          `${missing} must be given with an Agreed RateType`,
          `${EXCHANGE_RATE}.${missing}`,
        );
  }
  if (rateType === 'Actual' || rateType === 'Indicative') {
    const unexpected = RATE_FIELDS.find(present);
    return unexpected === undefined
      ? undefined
      : ukRejection(
          400,
          UkErrorCode.FieldUnexpected,
          `${unexpected} must not be given with an ${rateType} RateType`,
          `${EXCHANGE_RATE}.${unexpected}`,
        );
  }
  return undefined;
}

/** "An ASPSP must Reject the Initiation request if the requested charge allocation cannot be fulfilled." */
export function chargeBearerRejection(chargeBearer: unknown, supported: readonly string[]): UkRejection | undefined {
  return typeof chargeBearer !== 'string' || supported.includes(chargeBearer)
    ? undefined
    : ukRejection(
        400,
        UkErrorCode.FieldInvalid,
        `ChargeBearer ${chargeBearer} cannot be fulfilled by the bank (accepted: ${supported.join(', ')})`,
        `${INITIATION}.ChargeBearer`,
      );
}

/** What every international initiation shares: the domestic rules, a supported currency of transfer, the creditor agent, the charges. */
function internationalInitiationRejection(
  initiation: JsonObject | undefined,
  context: RuleContext,
): UkRejection | undefined {
  return firstRejection([
    () => initiationRejection(initiation, context),
    () =>
      supportedCurrencyRejection(
        stringAt(initiation, 'CurrencyOfTransfer'),
        `${INITIATION}.CurrencyOfTransfer`,
        context.options.supportedCurrencies,
      ),
    () => creditorAgentRejection(objectAt(initiation, 'CreditorAgent')),
    () => chargeBearerRejection(initiation?.['ChargeBearer'], context.options.supportedChargeBearers),
  ]);
}

const initiationOf = (body: JsonObject): JsonObject | undefined => objectAt(objectAt(body, 'Data'), 'Initiation');

/** international-payment-consents (§A.6 International). */
export const internationalPaymentRules: BodyRules = (body, context) => {
  const initiation = initiationOf(body);
  return firstRejection([
    () => internationalInitiationRejection(initiation, context),
    () => exchangeRateRejection(objectAt(initiation, 'ExchangeRateInformation')),
  ]);
};

/** international-scheduled-payment-consents: as an international payment, executed on a RequestedExecutionDateTime ahead. */
export const internationalScheduledPaymentRules: BodyRules = (body, context) => {
  const initiation = initiationOf(body);
  return firstRejection([
    () => internationalInitiationRejection(initiation, context),
    () => exchangeRateRejection(objectAt(initiation, 'ExchangeRateInformation')),
    () => futureDate(initiation, 'RequestedExecutionDateTime', context.nowMillis),
  ]);
};

/**
 * international-standing-order-consents: a coherent schedule first (NumberOfPayments or FinalPaymentDateTime, not both;
 * a whole number of payments; the final date after the first), a frequency the bank runs, the international rules,
 * and the first payment ahead. OBInternationalStandingOrder4 has no ExchangeRateInformation (the schema refuses one).
 */
export const internationalStandingOrderRules: BodyRules = (body, context) => {
  const initiation = initiationOf(body);
  return firstRejection([
    () => standingOrderScheduleRejection(initiation),
    () => frequencyRejection(initiation?.['Frequency'], context.options.supportedFrequencies),
    () => internationalInitiationRejection(initiation, context),
    () => futureDate(initiation, 'FirstPaymentDateTime', context.nowMillis),
  ]);
};
