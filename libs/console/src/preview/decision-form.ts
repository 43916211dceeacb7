import { arrayAt, isJsonRecord, recordAt, stringAt, type AccountSelection, type JsonRecord } from '@app/testing';
import { CONSENT_ACCOUNTS_FIELD, permissionField } from './consent-page.view.js';

export type QueryValue = string | readonly string[] | undefined;

function values(value: QueryValue): string[] {
  if (value === undefined) {
    return [];
  }
  return (typeof value === 'string' ? [value] : [...value]).filter((item) => item !== '');
}

/**
 * The accounts chosen on the consent page, as the identity server reads the form: per permission (by uid, which the
 * real page's script writes as the field name) or for the whole consent.
 */
export function selectionFromForm(
  populateData: JsonRecord,
  query: Readonly<Record<string, QueryValue>>,
): AccountSelection {
  const permissions = (arrayAt(recordAt(populateData, 'consentData'), 'permissions') ?? []).filter(isJsonRecord);
  if (permissions.length === 0) {
    return { forConsent: values(query[CONSENT_ACCOUNTS_FIELD]) };
  }
  const perPermission: Record<string, string[]> = {};
  permissions.forEach((permission, index) => {
    const uid = stringAt(permission, 'uid');
    const chosen = values(query[permissionField(index)]);
    if (uid !== undefined && chosen.length > 0) {
      perPermission[uid] = chosen;
    }
  });
  return { perPermission };
}
