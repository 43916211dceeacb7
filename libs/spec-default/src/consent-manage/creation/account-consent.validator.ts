import { hasKey, isString } from '../../shared/json.js';
import { parseDateTimeValue } from '../../shared/date-time.js';
import type { ConsentDataValidator } from './creation-validation.js';

/** The permissions the accelerator's default validator knows. */
const ACCOUNT_PERMISSIONS: ReadonlySet<string> = new Set([
  'ReadAccountsBasic',
  'ReadAccountsDetail',
  'ReadTransactionsBasic',
  'ReadTransactionsDetail',
  'ReadBalances',
]);

/** Account access consents (contract §7.1 "Accounts"). */
export const validateAccountConsentData: ConsentDataValidator = (data, { nowMillis }) => {
  const permissions = data['Permissions'];
  if (!Array.isArray(permissions)) {
    return 'Permissions are not in correct format';
  }
  if (permissions.length === 0) {
    return 'Permissions are empty';
  }
  if (!permissions.every(isString)) {
    return 'Permissions should be string values';
  }
  if (!permissions.every((permission) => ACCOUNT_PERMISSIONS.has(permission))) {
    return 'Permissions are invalid';
  }

  const expiration = parseDateTimeValue(data['ExpirationDateTime']);
  if (expiration === undefined) {
    return 'ExpirationDateTime is invalid';
  }
  if (expiration <= nowMillis) {
    return 'ExpirationDateTime should be a future date';
  }

  const from = hasKey(data, 'TransactionFromDateTime') ? parseDateTimeValue(data['TransactionFromDateTime']) : null;
  if (from === undefined) {
    return 'TransactionFromDateTime is invalid';
  }
  const to = hasKey(data, 'TransactionToDateTime') ? parseDateTimeValue(data['TransactionToDateTime']) : null;
  if (to === undefined) {
    return 'TransactionToDateTime is invalid';
  }
  if (from !== null && to !== null && to < from) {
    return 'TransactionToDateTime should be after TransactionFromDateTime';
  }
  return undefined;
};
