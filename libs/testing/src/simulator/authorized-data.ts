import { IdentityServerFailure } from './identity-server-failure.js';
import { JSON_NULL } from './identity-server-json.js';
import { arrayAt, isJsonRecord, recordAt, stringAt, type JsonRecord } from './json-values.js';

/*
 * `ConsentAuthorizeUtil.addAuthorizedDataObject`: how the identity server rebuilds `authorizedResources.authorizedData`
 * for persist-authorized-consent from the populate answer it kept in the session and from the form the consent page
 * posted (contract §4.10).
 */

/** The consent-page form field that carries accounts chosen for the whole consent rather than for a permission. */
export const CONSENT_LEVEL_ACCOUNTS_FIELD = 'accounts';

/**
 * The form fields the consent page posts. Account inputs are renamed to the permission `uid` by the page's JavaScript,
 * and their values are account `displayName`s; the `accounts` field holds the consent-level choice.
 */
export type ConsentPageForm = Readonly<Record<string, readonly string[]>>;

/** An account as Jackson wrote it from `AccountDTO`/`ConsumerAccountDTO`: unset fields are `null` (JSON_NULL). */
export type AuthorizedAccount = Readonly<Record<string, unknown>>;

export interface AuthorizedDataEntry {
  /** The permission's `displayValues` (not its uid); absent for the single entry of a consent without permissions. */
  readonly permissions?: readonly string[];
  readonly accounts: readonly AuthorizedAccount[];
}

/** The `IllegalStateException` the identity server turns into a redirect with `invalid_request`. */
export class MultipleAccountSelectionError extends Error {
  override readonly name = 'MultipleAccountSelectionError';

  constructor() {
    super('Found multiple account selections when only one is allowed');
  }
}

const ACCOUNT_FIELDS = ['displayName', 'accountId', 'title', 'description'] as const;

function jacksonValue(value: unknown): unknown {
  return value === null || value === undefined ? JSON_NULL : value;
}

/**
 * `objectMapper.writeValueAsString(account)` then `new JSONObject(...)`: the declared fields always appear (null when
 * unset), extra keys come from `@JsonAnySetter`; a consumer account also declares `selected` (a Boolean, null when unset).
 */
export function accountAsJacksonWritesIt(account: JsonRecord, isConsumerAccount: boolean): AuthorizedAccount {
  const declared: readonly string[] = isConsumerAccount ? [...ACCOUNT_FIELDS, 'selected'] : ACCOUNT_FIELDS;
  const written: Record<string, unknown> = {};
  for (const field of declared) {
    written[field] = jacksonValue(account[field]);
  }
  for (const [key, value] of Object.entries(account)) {
    if (!declared.includes(key)) {
      written[key] = jacksonValue(value);
    }
  }
  return written;
}

function accountsAt(value: unknown, key: string): JsonRecord[] {
  return (arrayAt(value, key) ?? []).filter(isJsonRecord);
}

interface ScreenPermission {
  readonly uid: string | undefined;
  readonly displayValues: readonly string[];
  readonly initiatedAccounts: readonly JsonRecord[];
}

function permissionsOf(consentData: JsonRecord | undefined): ScreenPermission[] | undefined {
  const permissions = arrayAt(consentData, 'permissions');
  if (permissions === undefined) {
    return undefined;
  }
  return permissions.filter(isJsonRecord).map((permission) => ({
    uid: stringAt(permission, 'uid'),
    displayValues: (arrayAt(permission, 'displayValues') ?? []).filter(
      (value): value is string => typeof value === 'string',
    ),
    initiatedAccounts: accountsAt(permission, 'initiatedAccounts'),
  }));
}

/** The key of the consent-level account set in the identity server's map of permission index to accounts. */
const CONSENT_LEVEL = -1;

/**
 * Rebuilds `authorizedData` exactly as the identity server does, including its quirks:
 * - one entry per permission that ends up with accounts; its `permissions` are the permission's display values;
 * - a permission's accounts: its `initiatedAccounts`, the accounts selected for its uid, then the consent-level
 *   accounts (`initiatedAccountsForConsent` and the `accounts` field);
 * - without permissions, a single `{accounts}` entry with the consent-level accounts;
 * - accounts are kept in a HashSet of JSONObjects, which compares by identity: the same account can appear twice.
 *   (The Java set also has no stable order; this model keeps insertion order so that tests are deterministic.)
 * @throws MultipleAccountSelectionError when more than one account is chosen for a field and
 *   `allowMultipleAccounts` is not true.
 */
export function buildAuthorizedData(populateData: unknown, form: ConsentPageForm | undefined): AuthorizedDataEntry[] {
  const consentData = recordAt(populateData, 'consentData');
  const permissions = permissionsOf(consentData);
  const initiatedAccountsForConsent = accountsAt(consentData, 'initiatedAccountsForConsent');
  const consumerAccounts = accountsAt(recordAt(populateData, 'consumerData'), 'accounts');
  const allowMultipleAccounts = consentData?.allowMultipleAccounts === true;

  const permissionIndexByUid = new Map<string, number>();
  permissions?.forEach((permission, index) => {
    if (permission.uid !== undefined) {
      permissionIndexByUid.set(permission.uid, index);
    }
  });
  // Later accounts with the same displayName win, as in the Java HashMap.
  const consumerAccountByName = new Map<unknown, JsonRecord>(
    consumerAccounts.map((account) => [account.displayName, account]),
  );

  // A null value means "this permission has no accounts of its own yet" (Java puts null in the map).
  const accountsByPermission = new Map<number, AuthorizedAccount[] | null>();
  const accountSet = (index: number): AuthorizedAccount[] => {
    let set = accountsByPermission.get(index);
    if (set === undefined || set === null) {
      set = [];
      accountsByPermission.set(index, set);
    }
    return set;
  };

  if (form !== undefined && consumerAccountByName.size > 0) {
    for (const [field, chosenNames] of Object.entries(form)) {
      const index = field === CONSENT_LEVEL_ACCOUNTS_FIELD ? CONSENT_LEVEL : permissionIndexByUid.get(field);
      if (index === undefined) {
        continue;
      }
      if (!allowMultipleAccounts && chosenNames.length > 1) {
        throw new MultipleAccountSelectionError();
      }
      const set = accountSet(index);
      for (const name of chosenNames) {
        const account = consumerAccountByName.get(name);
        if (account === undefined) {
          // writeValueAsString(null) is "null", and new JSONObject("null") throws: an uncaught runtime exception.
          throw new IdentityServerFailure(
            `No consumer account has the displayName ${JSON.stringify(name)}: JSONException while rebuilding authorizedData`,
          );
        }
        set.push(accountAsJacksonWritesIt(account, true));
      }
    }
  }

  permissions?.forEach((permission, index) => {
    if (!accountsByPermission.has(index)) {
      accountsByPermission.set(index, null);
    }
    if (permission.initiatedAccounts.length > 0) {
      accountSet(index).push(
        ...permission.initiatedAccounts.map((account) => accountAsJacksonWritesIt(account, false)),
      );
    }
  });

  if (initiatedAccountsForConsent.length > 0) {
    accountSet(CONSENT_LEVEL).push(
      ...initiatedAccountsForConsent.map((account) => accountAsJacksonWritesIt(account, false)),
    );
  }

  const consentLevelAccounts = accountsByPermission.get(CONSENT_LEVEL);
  if (consentLevelAccounts !== undefined && consentLevelAccounts !== null) {
    for (const [index, accounts] of accountsByPermission) {
      if (index === CONSENT_LEVEL) {
        continue;
      }
      if (accounts === null) {
        // Java shares the very same set object; a copy is indistinguishable here because nothing changes it later.
        accountsByPermission.set(index, [...consentLevelAccounts]);
      } else {
        accounts.push(...consentLevelAccounts);
      }
    }
  }

  const authorizedData: AuthorizedDataEntry[] = [];
  if (accountsByPermission.size === 1 && consentLevelAccounts !== undefined && consentLevelAccounts !== null) {
    authorizedData.push({ accounts: consentLevelAccounts });
    return authorizedData;
  }
  const permissionIndexes = [...accountsByPermission.keys()]
    .filter((index) => index !== CONSENT_LEVEL)
    .sort((left, right) => left - right);
  for (const index of permissionIndexes) {
    const accounts = accountsByPermission.get(index);
    const permission = permissions?.[index];
    if (accounts !== undefined && accounts !== null && accounts.length > 0 && permission !== undefined) {
      authorizedData.push({ permissions: [...permission.displayValues], accounts });
    }
  }
  return authorizedData;
}
