import type { SchemaCheck } from '@app/openapi-schemas';
import { scaledAmount } from '../../shared/amount.js';
import { isJsonObject, objectAt, stringAt } from '../../shared/json.js';
import { UkErrorCode, ukRejection, type UkRejection } from '../../shared/uk-error.js';
import { INITIATION, initiationRejection } from '../creation/payment.rules.js';
import type { RuleContext } from '../creation/rule-context.js';
import { schemaViolationRejection } from '../creation/schema-violation.rejection.js';
import type { FilePayment, PaymentFileReading } from './payment-file.js';

/*
 * FileType `UK.OBIE.PaymentInitiation.3.1`: a JSON file `{"Data": {"DomesticPayments": [OBDomestic2, …]}}` (the file
 * usage examples of v3.1.11). Each payment is a domestic payment initiation: checked against the official schema of
 * OBWriteDomestic2's Initiation and the domestic payment rules, its errors placed at `Data.DomesticPayments[i]`.
 */

const PAYMENTS_PATH = 'Data.DomesticPayments';

/** A rejection of `Data.Initiation…` moved to where the payment is in the file. */
function relocated(rejection: UkRejection, index: number): UkRejection {
  const place = `${PAYMENTS_PATH}[${index}]`;
  const moved = (text: string): string => text.replaceAll(INITIATION, place);
  return ukRejection(
    rejection.status,
    rejection.code,
    moved(rejection.message),
    rejection.path === undefined ? undefined : moved(rejection.path),
  );
}

function invalidFormat(message: string, path?: string): { readonly rejection: UkRejection } {
  return { rejection: ukRejection(400, UkErrorCode.ResourceInvalidFormat, message, path) };
}

/**
 * Reads the file's payments. `domesticPaymentCheck` is the official OBWriteDomestic2 schema: a payment is checked as the
 * Initiation of a payment order, the only place the official files define it.
 */
export function readJsonPaymentFile(
  content: string,
  domesticPaymentCheck: SchemaCheck,
  context: RuleContext,
): PaymentFileReading {
  let document: unknown;
  try {
    document = JSON.parse(content);
  } catch (error) {
    return invalidFormat(
      `The file is not the JSON of its FileType UK.OBIE.PaymentInitiation.3.1: ${(error as Error).message}`,
    );
  }
  const payments: unknown = objectAt(isJsonObject(document) ? document : undefined, 'Data')?.['DomesticPayments'];
  if (!Array.isArray(payments) || payments.length === 0) {
    return invalidFormat(
      `A UK.OBIE.PaymentInitiation.3.1 file holds its payments in a non-empty ${PAYMENTS_PATH} array`,
      PAYMENTS_PATH,
    );
  }
  const read: FilePayment[] = [];
  for (const [index, payment] of (payments as unknown[]).entries()) {
    const violation = domesticPaymentCheck({ Data: { ConsentId: 'file', Initiation: payment }, Risk: {} });
    if (violation !== undefined || !isJsonObject(payment)) {
      return {
        rejection: relocated(
          violation === undefined
            ? ukRejection(400, UkErrorCode.FieldInvalid, `${INITIATION} must be an object`, INITIATION)
            : schemaViolationRejection(violation),
          index,
        ),
      };
    }
    const broken = initiationRejection(payment, context);
    if (broken !== undefined) {
      return { rejection: relocated(broken, index) };
    }
    const instructed = objectAt(payment, 'InstructedAmount');
    const debtor = objectAt(payment, 'DebtorAccount');
    const identification = stringAt(debtor, 'Identification');
    const schemeName = stringAt(debtor, 'SchemeName');
    read.push({
      // The schema accepted the amount and its currency.
      amount: scaledAmount(instructed?.['Amount']) ?? 0n,
      currency: stringAt(instructed, 'Currency') ?? '',
      amountPath: `${PAYMENTS_PATH}[${index}].InstructedAmount`,
      ...(identification === undefined
        ? {}
        : {
            debtor: {
              identification,
              ...(schemeName === undefined ? {} : { schemeName }),
              path: `${PAYMENTS_PATH}[${index}].DebtorAccount`,
            },
          }),
    });
  }
  return { contents: { payments: read } };
}
