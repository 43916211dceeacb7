import { instantOf } from '../../shared/date-time.js';
import { objectAt, stringsAt } from '../../shared/json.js';
import { UkErrorCode, ukRejection } from '../../shared/uk-error.js';
import { firstRejection, type BodyRules } from './rule-context.js';

const PERMISSIONS_PATH = 'Data.Permissions';

/**
 * OBReadConsent1 beyond its schema (§A.3): the bank serves the permissions, the Accounts permission is there, the
 * transaction permissions come in pairs, the expiry lies ahead and the transaction window is not reversed. Basic and
 * Detail of the same cluster together are accepted (UK-07).
 */
export const accountAccessRules: BodyRules = (body, { nowMillis, options }) => {
  const data = objectAt(body, 'Data');
  const permissions = stringsAt(data, 'Permissions');
  const has = (permission: string): boolean => permissions.includes(permission);
  return firstRejection([
    () => {
      const unsupported = permissions.find((permission) => !options.supportedPermissions.includes(permission));
      return unsupported === undefined
        ? undefined
        : ukRejection(
            400,
            UkErrorCode.FieldInvalid,
            `The permission ${unsupported} is not supported by this bank`,
            PERMISSIONS_PATH,
          );
    },
    () =>
      has('ReadAccountsBasic') || has('ReadAccountsDetail')
        ? undefined
        : ukRejection(
            400,
            UkErrorCode.FieldInvalid,
            'Permissions must include ReadAccountsBasic or ReadAccountsDetail',
            PERMISSIONS_PATH,
          ),
    () =>
      (has('ReadTransactionsBasic') || has('ReadTransactionsDetail')) &&
      !has('ReadTransactionsCredits') &&
      !has('ReadTransactionsDebits')
        ? ukRejection(
            400,
            UkErrorCode.FieldInvalid,
            'ReadTransactionsBasic or ReadTransactionsDetail needs ReadTransactionsCredits or ReadTransactionsDebits',
            PERMISSIONS_PATH,
          )
        : undefined,
    () =>
      (has('ReadTransactionsCredits') || has('ReadTransactionsDebits')) &&
      !has('ReadTransactionsBasic') &&
      !has('ReadTransactionsDetail')
        ? ukRejection(
            400,
            UkErrorCode.FieldInvalid,
            'ReadTransactionsCredits or ReadTransactionsDebits needs ReadTransactionsBasic or ReadTransactionsDetail',
            PERMISSIONS_PATH,
          )
        : undefined,
    () => futureExpiration(data?.['ExpirationDateTime'], 'Data.ExpirationDateTime', nowMillis),
    () => {
      const from = instantOf(data?.['TransactionFromDateTime']);
      const to = instantOf(data?.['TransactionToDateTime']);
      return from !== undefined && to !== undefined && from > to
        ? ukRejection(
            400,
            UkErrorCode.FieldInvalidDate,
            'TransactionToDateTime must not be before TransactionFromDateTime',
            'Data.TransactionToDateTime',
          )
        : undefined;
    },
  ]);
};

/** An expiry, when given, must lie in the future (IMPL, as WSO2 and ForgeRock). */
export function futureExpiration(value: unknown, path: string, nowMillis: number) {
  const expiresAt = instantOf(value);
  return expiresAt !== undefined && expiresAt <= nowMillis
    ? ukRejection(400, UkErrorCode.FieldInvalidDate, `${path} must be in the future`, path)
    : undefined;
}
