import type { JsonObject } from '@app/contract';
import { scaledNumber } from '../../shared/amount.js';
import { objectAt, stringAt } from '../../shared/json.js';
import { UkErrorCode, ukRejection, type UkRejection } from '../../shared/uk-error.js';
import { isSha256Base64 } from '../file/file-hash.js';
import { futureDate, INITIATION, initiationRejection } from './payment.rules.js';
import { firstRejection, type BodyRules } from './rule-context.js';

/*
 * file-payment-consents (OBWriteFileConsent3, the metadata of a file uploaded next): rules the official schema cannot
 * express. "An ASPSP may choose which fields must be populated to process a specified FileType": this module requires
 * none beyond the schema's, and checks the file against what is given when it is uploaded.
 */

const NUMBER_OF_TRANSACTIONS = /^[0-9]{1,15}$/;

/** A FileType the bank accepts (UK_FILE_TYPES); the namespaced enum is not enforced by the schema. */
function fileTypeRejection(fileType: string | undefined, accepted: readonly string[]): UkRejection | undefined {
  return fileType !== undefined && accepted.includes(fileType)
    ? undefined
    : ukRejection(
        400,
        UkErrorCode.FieldInvalid,
        `FileType "${String(fileType)}" is not accepted (accepted: ${accepted.join(', ')})`,
        `${INITIATION}.FileType`,
      );
}

function fileHashRejection(fileHash: string | undefined): UkRejection | undefined {
  return fileHash !== undefined && isSha256Base64(fileHash)
    ? undefined
    : ukRejection(
        400,
        UkErrorCode.FieldInvalid,
        'FileHash must be the base64 encoding of the SHA-256 hash of the file',
        `${INITIATION}.FileHash`,
      );
}

/** The schema's pattern `[0-9]{1,15}` is not anchored; the count of a file is digits only, and at least one payment. */
function numberOfTransactionsRejection(count: unknown): UkRejection | undefined {
  return count === undefined || (typeof count === 'string' && NUMBER_OF_TRANSACTIONS.test(count) && BigInt(count) > 0n)
    ? undefined
    : ukRejection(
        400,
        UkErrorCode.FieldInvalid,
        'NumberOfTransactions must be a whole number of payments above 0',
        `${INITIATION}.NumberOfTransactions`,
      );
}

/** ControlSum, the total of the file's amounts: above zero, with at most five decimals (every amount has at most five). */
function controlSumRejection(controlSum: unknown): UkRejection | undefined {
  if (controlSum === undefined) {
    return undefined;
  }
  const sum = scaledNumber(controlSum);
  return sum !== undefined && sum > 0n
    ? undefined
    : ukRejection(
        400,
        UkErrorCode.FieldInvalid,
        'ControlSum must be a total above 0 with at most five decimals',
        `${INITIATION}.ControlSum`,
      );
}

export const filePaymentRules: BodyRules = (body, context) => {
  const initiation: JsonObject | undefined = objectAt(objectAt(body, 'Data'), 'Initiation');
  return firstRejection([
    () => fileTypeRejection(stringAt(initiation, 'FileType'), context.options.fileTypes),
    () => fileHashRejection(stringAt(initiation, 'FileHash')),
    () => numberOfTransactionsRejection(initiation?.['NumberOfTransactions']),
    () => controlSumRejection(initiation?.['ControlSum']),
    () => initiationRejection(initiation, context),
    () => futureDate(initiation, 'RequestedExecutionDateTime', context.nowMillis),
  ]);
};
