import type { JsonObject } from '@app/contract';
import type { BerlinSpecOptions, PaymentService } from '../../berlin-spec.options.js';
import { readAccountReference } from '../../shared/account-reference.js';
import { BodySchema, type BerlinSchemas } from '../../shared/berlin-schemas.js';
import { ConsentAttribute } from '../../shared/consent-attributes.js';
import { AUTHORISATION_TYPE, ScaStatus, TransactionStatus } from '../../shared/consent-status.js';
import { BerlinConsentType } from '../../shared/consent-type.js';
import { parseIsoDate } from '../../shared/iso-date.js';
import { isJsonObject } from '../../shared/json.js';
import { schemaViolationError } from '../../shared/schema-violation-error.js';
import { isTargetBusinessDay } from '../../shared/target-calendar.js';
import { berlinError, type BerlinError } from '../../shared/tpp-messages.js';
import type { CreationOutcome } from './ais-consent.rules.js';

/* POST /v1/{payment-service}/{payment-product} with a JSON body (§B.6, cases BG-26 to BG-29). */

const SCHEMA_BY_SERVICE: { readonly [S in PaymentService]: BodySchema } = {
  payments: BodySchema.Payment,
  'periodic-payments': BodySchema.PeriodicPayment,
  'bulk-payments': BodySchema.BulkPayment,
};

const AMOUNT = /^-?[0-9]{1,14}(\.[0-9]{1,3})?$/;
const CURRENCY = /^[A-Z]{3}$/;
// The official patterns are unanchored: these are the exact forms.
const BICFI = /^[A-Z]{6}[A-Z2-9][A-NP-Z0-9]([A-Z0-9]{3})?$/;
const COUNTRY = /^[A-Z]{2}$/;
/** ISO 4217 minor units that differ from 2; every other currency allows two decimals. */
const MINOR_UNITS: Readonly<Record<string, number>> = {
  JPY: 0,
  KRW: 0,
  ISK: 0,
  BHD: 3,
  KWD: 3,
  OMR: 3,
  TND: 3,
  JOD: 3,
};

export interface PaymentContext {
  readonly body: JsonObject;
  readonly paymentService: PaymentService;
  readonly paymentProduct: string;
  readonly options: BerlinSpecOptions;
  readonly schemas: BerlinSchemas;
  readonly today: number;
}

const formatError = (text: string, path: string): BerlinError => berlinError(400, 'FORMAT_ERROR', text, path);

export function checkPayment(context: PaymentContext): CreationOutcome {
  const { body, paymentService, schemas } = context;
  const schema = SCHEMA_BY_SERVICE[paymentService];
  const violation = schemas.check(schema, body);
  if (violation !== undefined) {
    return { error: schemaViolationError(violation) };
  }
  const undeclared = schemas.undeclaredField(schema, body);
  if (undeclared !== undefined) {
    return { error: formatError(`The field '${undeclared}' is not expected in the request`, undeclared) };
  }
  const error = paymentService === 'bulk-payments' ? bulkPaymentError(context) : singlePaymentError(body, '', context);
  if (error !== undefined) {
    return { error };
  }
  return {
    resource: {
      type: BerlinConsentType.Payments,
      status: TransactionStatus.Received,
      frequency: 0,
      validityTime: 0,
      recurringIndicator: false,
      receipt: body,
      attributes: {
        [ConsentAttribute.PaymentService]: paymentService,
        [ConsentAttribute.PaymentProduct]: context.paymentProduct,
      },
      authorizations: [{ type: AUTHORISATION_TYPE, status: ScaStatus.Received, resources: [] }],
    },
  };
}

function bulkPaymentError(context: PaymentContext): BerlinError | undefined {
  const { body } = context;
  const debtor = readAccountReference(body['debtorAccount'], 'debtorAccount', context.options);
  if ('error' in debtor) {
    return debtor.error;
  }
  const dateError = requestedExecutionDateError(body, context);
  if (dateError !== undefined) {
    return dateError;
  }
  const payments = body['payments'] as unknown[];
  if (payments.length === 0) {
    return formatError("Value 'payments' should not be empty", 'payments');
  }
  for (const [index, payment] of payments.entries()) {
    const error = isJsonObject(payment)
      ? transferError(payment, `payments[${index}].`, context)
      : formatError('A bulk entry must be an object', `payments[${index}]`);
    if (error !== undefined) {
      return error;
    }
  }
  return undefined;
}

function singlePaymentError(body: JsonObject, prefix: string, context: PaymentContext): BerlinError | undefined {
  const debtor = readAccountReference(body['debtorAccount'], `${prefix}debtorAccount`, context.options);
  if ('error' in debtor) {
    return debtor.error;
  }
  const transfer = transferError(body, prefix, context);
  if (transfer !== undefined) {
    return transfer;
  }
  const executionDate = requestedExecutionDateError(body, context);
  if (executionDate !== undefined) {
    return executionDate;
  }
  return context.paymentService === 'periodic-payments' ? periodError(body, context.today) : undefined;
}

/** What every credit transfer carries: the amount and the creditor account. */
function transferError(body: JsonObject, prefix: string, context: PaymentContext): BerlinError | undefined {
  const amount = body['instructedAmount'] as JsonObject;
  const currency = amount['currency'];
  if (typeof currency !== 'string' || !CURRENCY.test(currency)) {
    return formatError("Value 'currency' has wrong format", `${prefix}instructedAmount.currency`);
  }
  const value = amount['amount'];
  if (typeof value !== 'string' || !AMOUNT.test(value)) {
    return formatError("Value 'amount' has wrong format", `${prefix}instructedAmount.amount`);
  }
  const decimals = value.includes('.') ? value.length - value.indexOf('.') - 1 : 0;
  if (decimals > (MINOR_UNITS[currency] ?? 2)) {
    return formatError(`Value 'amount' has more decimals than ${currency} allows`, `${prefix}instructedAmount.amount`);
  }
  if (Number(value) <= 0) {
    return formatError("Value 'amount' should be greater than 0", `${prefix}instructedAmount.amount`);
  }
  const creditor = readAccountReference(body['creditorAccount'], `${prefix}creditorAccount`, context.options);
  if ('error' in creditor) {
    return creditor.error;
  }
  const agent = body['creditorAgent'];
  if (agent !== undefined && (typeof agent !== 'string' || !BICFI.test(agent))) {
    return formatError("Value 'creditorAgent' has wrong format", `${prefix}creditorAgent`);
  }
  const address = isJsonObject(body['creditorAddress']) ? body['creditorAddress'] : undefined;
  if (address !== undefined && (typeof address['country'] !== 'string' || !COUNTRY.test(address['country']))) {
    return formatError("Value 'country' has wrong format", `${prefix}creditorAddress.country`);
  }
  return undefined;
}

/** An execution date is a real date and not in the past (§B.6: EXECUTION_DATE_INVALID). */
function executionDateError(value: unknown, path: string, today: number): BerlinError | undefined {
  if (value === undefined) {
    return undefined;
  }
  const day = parseIsoDate(value);
  if (day === undefined) {
    return formatError(`Wrong format for '${path}': use an ISO date YYYY-MM-DD`, path);
  }
  return day < today
    ? berlinError(400, 'EXECUTION_DATE_INVALID', `Value '${path}' should not be in the past`, path)
    : undefined;
}

/** Not in the past, and a business day unless the product is instant (instant payments run every day of the year). */
function requestedExecutionDateError(body: JsonObject, context: PaymentContext): BerlinError | undefined {
  const error = executionDateError(body['requestedExecutionDate'], 'requestedExecutionDate', context.today);
  const day = parseIsoDate(body['requestedExecutionDate']);
  if (error !== undefined || day === undefined || context.paymentProduct === 'instant-sepa-credit-transfers') {
    return error;
  }
  return isTargetBusinessDay(day)
    ? undefined
    : berlinError(
        400,
        'EXECUTION_DATE_INVALID',
        "Value 'requestedExecutionDate' is not a business day",
        'requestedExecutionDate',
      );
}

function periodError(body: JsonObject, today: number): BerlinError | undefined {
  const startError = executionDateError(body['startDate'], 'startDate', today);
  if (startError !== undefined) {
    return startError;
  }
  if (body['endDate'] === undefined) {
    return undefined;
  }
  const end = parseIsoDate(body['endDate']);
  if (end === undefined) {
    return formatError("Wrong format for 'endDate': use an ISO date YYYY-MM-DD", 'endDate');
  }
  return end < parseIsoDate(body['startDate'])!
    ? berlinError(400, 'EXECUTION_DATE_INVALID', "Value 'endDate' should not be before 'startDate'", 'endDate')
    : undefined;
}
