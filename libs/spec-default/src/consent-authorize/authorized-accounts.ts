import type { AuthorizedData } from '@app/contract';
import { isJsonObject, nonEmptyString } from '../shared/json.js';

/**
 * The distinct accounts the customer authorised, in the order first seen. The identity server repeats an account once
 * per permission it serves and may list it twice; each is mapped once. An account is known by its `accountId`, or by
 * its display name when the page's account object carries no id.
 */
export function authorizedAccountIds(authorizedData: readonly AuthorizedData[] | undefined): string[] {
  const ids = new Set<string>();
  for (const entry of Array.isArray(authorizedData) ? authorizedData : []) {
    const accounts: unknown = isJsonObject(entry) ? entry.accounts : undefined;
    for (const account of Array.isArray(accounts) ? (accounts as unknown[]) : []) {
      const id = isJsonObject(account)
        ? (nonEmptyString(account['accountId']) ?? nonEmptyString(account['displayName']))
        : undefined;
      if (id !== undefined) {
        ids.add(id);
      }
    }
  }
  return [...ids];
}
