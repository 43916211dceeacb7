import type { JsonObject } from '@app/contract';
import { isJsonObject } from '../../shared/json.js';
import { berlinError, type BerlinError } from '../../shared/tpp-messages.js';

/*
 * Rules between fields of an AIS consent request that the official schema (`consents`, `accountAccess`,
 * `additionalInformationAccess` of psd2-api 1.3.12) states in its descriptions but cannot express: FORMAT_ERROR, as
 * for every other malformed consent request (§B.3).
 */

/** The account arrays of `access`: a non-empty one names accounts (dedicated consent), all empty ask the bank to offer them. */
export const ACCOUNT_ARRAYS = ['accounts', 'balances', 'transactions'] as const;

/** `frequencyPerDay`: "For a one-off access, this attribute is set to "1"." */
export function oneOffFrequencyError(body: JsonObject): BerlinError | undefined {
  return body['recurringIndicator'] === false && body['frequencyPerDay'] !== 1
    ? berlinError(
        400,
        'FORMAT_ERROR',
        "Value 'frequencyPerDay' must be 1 for a one-off consent (recurringIndicator false)",
        'frequencyPerDay',
      )
    : undefined;
}

/**
 * `additionalInformation`: "The usage of this data element requires at least one of the entries "accounts",
 * "transactions" or "balances" also to be contained in the object", and for `ownerName`: "If the array is empty,
 * also the arrays for accounts, balances or transactions shall be empty, if used". (That every account it names is
 * also in one of those arrays is checked with the account references, as SERVICE_INVALID.)
 */
export function additionalInformationError(access: JsonObject): BerlinError | undefined {
  const additional = access['additionalInformation'];
  if (additional === undefined) {
    return undefined;
  }
  const arrays = ACCOUNT_ARRAYS.filter((key) => access[key] !== undefined);
  if (arrays.length === 0) {
    return berlinError(
      400,
      'FORMAT_ERROR',
      "Value 'additionalInformation' requires at least one of 'accounts', 'balances' or 'transactions' in 'access'",
      'access.additionalInformation',
    );
  }
  const ownerName = isJsonObject(additional) ? additional['ownerName'] : undefined;
  const named = arrays.some((key) => Array.isArray(access[key]) && (access[key] as unknown[]).length > 0);
  return Array.isArray(ownerName) && ownerName.length === 0 && named
    ? berlinError(
        400,
        'FORMAT_ERROR',
        "An empty 'ownerName' asks for every accessible account: 'accounts', 'balances' and 'transactions' must then be empty too",
        'access.additionalInformation.ownerName',
      )
    : undefined;
}
