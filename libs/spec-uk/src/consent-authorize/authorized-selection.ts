import type { AuthorizedData } from '@app/contract';
import { isJsonObject, nonEmptyString } from '../shared/json.js';

/**
 * Whether the customer approved: `isApproved`, and the confirm page's `approval` ("true"/"false"); either saying no is
 * a denial, and a decision neither states is a denial too.
 */
export function customerApproved(isApproved: boolean | undefined, approval: string | boolean | undefined): boolean {
  const page =
    typeof approval === 'string'
      ? approval.trim().toLowerCase() === 'true'
        ? true
        : approval.trim().toLowerCase() === 'false'
          ? false
          : undefined
      : approval;
  if (isApproved === false || page === false) {
    return false;
  }
  return isApproved === true || page === true;
}

/**
 * The distinct account ids the customer authorised, in the order first seen. The identity server repeats an account
 * once per permission and may list it twice; an account object without an id cannot be mapped and is skipped.
 */
export function selectedAccountIds(authorizedData: readonly AuthorizedData[] | undefined): string[] {
  const ids = new Set<string>();
  for (const entry of Array.isArray(authorizedData) ? authorizedData : []) {
    const accounts: unknown = isJsonObject(entry) ? entry['accounts'] : undefined;
    for (const account of Array.isArray(accounts) ? (accounts as unknown[]) : []) {
      const id = isJsonObject(account) ? nonEmptyString(account['accountId']) : undefined;
      if (id !== undefined) {
        ids.add(id);
      }
    }
  }
  return [...ids];
}
