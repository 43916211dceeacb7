import type { JsonObject } from '@app/contract';
import { formatScaled, scaledNumber } from '../../shared/amount.js';
import { objectAt, stringAt } from '../../shared/json.js';
import { UkErrorCode, ukRejection, type UkRejection } from '../../shared/uk-error.js';
import { firstRejection } from '../creation/rule-context.js';
import type { PaymentFileSummary } from './payment-file-summary.js';

/*
 * "The metadata for the file-payment-consent must match the contents of the uploaded file: if the content of the
 * metadata does not match the content of the file, the ASPSP must reject the file-payment-consent" (POST
 * /file-payment-consents/{ConsentId}/file). A mismatch is UK.OBIE.Resource.ConsentMismatch on the metadata field.
 */

const INITIATION = 'Data.Initiation';

function mismatch(field: string, message: string): UkRejection {
  return ukRejection(400, UkErrorCode.ResourceConsentMismatch, message, `${INITIATION}.${field}`);
}

function transactionsRejection(declared: unknown, summary: PaymentFileSummary): UkRejection | undefined {
  // Checked at creation: digits only.
  return typeof declared !== 'string' ||
    !/^[0-9]{1,15}$/.test(declared) ||
    BigInt(declared) === BigInt(summary.transactions)
    ? undefined
    : mismatch(
        'NumberOfTransactions',
        `The consent declares ${declared} transactions; the file holds ${summary.transactions}`,
      );
}

function controlSumRejection(declared: unknown, summary: PaymentFileSummary): UkRejection | undefined {
  if (declared === undefined) {
    return undefined;
  }
  const sum = scaledNumber(declared);
  return sum === summary.controlSum
    ? undefined
    : mismatch(
        'ControlSum',
        `The consent declares a ControlSum of ${sum === undefined ? 'no total' : formatScaled(sum)}; the file's amounts add up to ${formatScaled(summary.controlSum)}`,
      );
}

/**
 * The file debits one account, the one the customer approves on the consent page: the consent's DebtorAccount when it
 * names one, otherwise the one account the file names.
 */
function debtorRejection(consentDebtor: JsonObject | undefined, summary: PaymentFileSummary): UkRejection | undefined {
  const [first, second] = summary.debtorAccounts;
  const named = stringAt(consentDebtor, 'Identification');
  if (named !== undefined) {
    const other = summary.debtorAccounts.find((debtor) => debtor.identification !== named);
    return other === undefined
      ? undefined
      : mismatch('DebtorAccount', `${other.path} is not the consent's DebtorAccount`);
  }
  return first === undefined || second === undefined
    ? undefined
    : ukRejection(
        400,
        UkErrorCode.FieldInvalid,
        `A file debits one account, the one the customer approves: ${second.path} names another account than ${first.path}`,
        second.path,
      );
}

export function fileAgainstConsentRejection(
  summary: PaymentFileSummary,
  initiation: JsonObject | undefined,
): UkRejection | undefined {
  return firstRejection([
    () => transactionsRejection(initiation?.['NumberOfTransactions'], summary),
    () => controlSumRejection(initiation?.['ControlSum'], summary),
    () => debtorRejection(objectAt(initiation, 'DebtorAccount'), summary),
  ]);
}
