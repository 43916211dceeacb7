import type { JsonObject } from '@app/contract';
import { hasKey, isString } from '../../shared/json.js';

/** `DebtorAccountSchemeNameEnum`: the schemes the accelerator accepts for debtor and creditor accounts. */
const SCHEME_NAMES: ReadonlySet<string> = new Set([
  'OB.BBAN',
  'OB.IBAN',
  'OB.PAN',
  'OB.Paym',
  'OB.SortCodeAccountNumber',
]);

const MAX_IDENTIFICATION_LENGTH = 256;
const MAX_NAME_LENGTH = 350;
const MAX_SECONDARY_IDENTIFICATION_LENGTH = 34;

export type AccountRole = 'Debtor' | 'Creditor';

/**
 * The debtor and creditor account rules of contract §7.1, in order. Where Java would throw on a non-string field (a
 * 500), the field is reported as "not in the correct format"; a null or empty required field as missing.
 */
export function accountIdentificationError(account: JsonObject, role: AccountRole): string | undefined {
  const schemeName = account['SchemeName'];
  if (schemeName === undefined || schemeName === null || schemeName === '') {
    return `${role} Account Scheme Name should be present in the request`;
  }
  if (!isString(schemeName) || !SCHEME_NAMES.has(schemeName)) {
    return `${role} Account Scheme Name is not in the correct format`;
  }
  const identification = account['Identification'];
  if (identification === undefined || identification === null || identification === '') {
    return `${role} Account Identification should be present in the request`;
  }
  if (!isString(identification) || identification.length > MAX_IDENTIFICATION_LENGTH) {
    return `${role} Account Identification is not in the correct format`;
  }
  if (hasKey(account, 'Name') && !isStringOfAtMost(account['Name'], MAX_NAME_LENGTH)) {
    return `${role} Account Name is not in the correct format`;
  }
  if (
    hasKey(account, 'SecondaryIdentification') &&
    !isStringOfAtMost(account['SecondaryIdentification'], MAX_SECONDARY_IDENTIFICATION_LENGTH)
  ) {
    return `${role} Account Secondary Identification is not in the correct format`;
  }
  return undefined;
}

function isStringOfAtMost(value: unknown, maxLength: number): boolean {
  return isString(value) && value.length <= maxLength;
}
