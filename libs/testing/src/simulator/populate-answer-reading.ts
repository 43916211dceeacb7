import { arrayAt, isJsonRecord, recordAt } from './json-values.js';

/*
 * How the identity server reads a populate-consent-authorize-screen SUCCESS (contract §4.9): a default Jackson mapper
 * into `PopulateConsentAuthorizeScreenDTO` (unknown keys rejected under `data`, in permissions, in additionalData and in
 * its items), then Hibernate Validator. Either failure redirects the TPP with `invalid_request`.
 */

const DATA_KEYS = new Set(['consentData', 'consumerData', 'additionalData']);
const PERMISSION_KEYS = new Set(['uid', 'displayValues', 'initiatedAccounts']);
const ADDITIONAL_DATA_KEYS = new Set(['title', 'subtitle', 'description', 'items']);
const ADDITIONAL_DATA_ITEM_KEYS = new Set(['item', 'type']);

function unknownKey(value: unknown, allowed: ReadonlySet<string>): string | undefined {
  return isJsonRecord(value) ? Object.keys(value).find((key) => !allowed.has(key)) : undefined;
}

function isBlank(value: unknown): boolean {
  return typeof value !== 'string' || value.trim() === '';
}

function jacksonViolation(data: unknown): string | undefined {
  if (!isJsonRecord(data)) {
    return 'data is not a JSON object';
  }
  const dataKey = unknownKey(data, DATA_KEYS);
  if (dataKey !== undefined) {
    return `Unrecognized field "${dataKey}" under data`;
  }
  for (const permission of arrayAt(recordAt(data, 'consentData'), 'permissions') ?? []) {
    const key = unknownKey(permission, PERMISSION_KEYS);
    if (key !== undefined) {
      return `Unrecognized field "${key}" in a permission`;
    }
  }
  for (const section of arrayAt(data, 'additionalData') ?? []) {
    const key = unknownKey(section, ADDITIONAL_DATA_KEYS);
    if (key !== undefined) {
      return `Unrecognized field "${key}" in additionalData`;
    }
    for (const item of arrayAt(section, 'items') ?? []) {
      const itemKey = unknownKey(item, ADDITIONAL_DATA_ITEM_KEYS);
      if (itemKey !== undefined) {
        return `Unrecognized field "${itemKey}" in additionalData items`;
      }
    }
  }
  return undefined;
}

function hibernateViolation(data: unknown): string | undefined {
  const consentData = recordAt(data, 'consentData');
  if (consentData === undefined) {
    // @Valid skips a null member; the persist step will dereference it later.
    return undefined;
  }
  if (isBlank(consentData.type)) {
    return 'Consent Type in ConsentData Object cannot be empty';
  }
  for (const permission of arrayAt(consentData, 'permissions') ?? []) {
    if (!isJsonRecord(permission) || isBlank(permission.uid)) {
      return 'UUID in Permission Object cannot be empty';
    }
    if ((arrayAt(permission, 'displayValues') ?? []).length === 0) {
      return 'Display Values in Permission Object cannot be empty';
    }
  }
  const validatedAccounts = [
    ...(arrayAt(consentData, 'initiatedAccountsForConsent') ?? []),
    ...(arrayAt(recordAt(data, 'consumerData'), 'accounts') ?? []),
  ];
  if (validatedAccounts.some((account) => !isJsonRecord(account) || isBlank(account.displayName))) {
    return 'Display name in Account Object cannot be empty';
  }
  return undefined;
}

/** The `invalid_request` message the TPP would get, or undefined when the identity server accepts the answer. */
export function populateAnswerViolation(data: unknown): string | undefined {
  return jacksonViolation(data) ?? hibernateViolation(data);
}
