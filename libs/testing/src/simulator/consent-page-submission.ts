import { randomBytes, randomUUID } from 'node:crypto';
import { buildAuthorizedData, CONSENT_LEVEL_ACCOUNTS_FIELD, type ConsentPageForm } from './authorized-data.js';
import { arrayAt, isJsonRecord, recordAt, stringAt, type JsonRecord } from './json-values.js';

/*
 * What the consent page and `FSConsentConfirmServlet` post when the customer approves or denies, and how
 * `ExternalAPIConsentPersistStep` turns it into `userGrantedData.authorizedResources` (contract §4.10).
 */

/** The customer's account choice on the consent page, by account `displayName` (what the form really carries). */
export interface AccountSelection {
  /** Accounts chosen per permission, keyed by the permission `uid` of the populate answer. */
  readonly perPermission?: Readonly<Record<string, readonly string[]>>;
  /** Accounts chosen for the whole consent (the `accounts` field, used when there are no permissions). */
  readonly forConsent?: readonly string[];
}

export interface ConsentPageSubmission {
  /** The logged-in user (session `username`). */
  readonly userId: string;
  readonly approve: boolean;
  readonly selection: AccountSelection;
  /** Browser cookies; defaults to a fresh `commonAuthId` and `JSESSIONID`. */
  readonly cookies?: Readonly<Record<string, string>>;
  /** The servlet's own `metadata` (`{authorisationId?}`); `{}` by default, as in the seed payload. */
  readonly servletMetadata?: JsonRecord;
}

/** Chooses the same accounts the way the page would: for every permission, or for the consent when it has none. */
export function selectAccounts(populateData: unknown, displayNames: readonly string[]): AccountSelection {
  const permissions = (arrayAt(recordAt(populateData, 'consentData'), 'permissions') ?? []).filter(isJsonRecord);
  const uids = permissions
    .map((permission) => stringAt(permission, 'uid'))
    .filter((uid): uid is string => uid !== undefined);
  if (uids.length === 0) {
    return { forConsent: displayNames };
  }
  return { perPermission: Object.fromEntries(uids.map((uid) => [uid, displayNames])) };
}

/** The form fields as posted (every value an array of strings), including the page's own bookkeeping fields. */
export function consentPageForm(selection: AccountSelection, consentType: string, approve: boolean): ConsentPageForm {
  return {
    hasApprovedAlways: ['false'],
    ...selection.perPermission,
    ...(selection.forConsent === undefined ? {} : { [CONSENT_LEVEL_ACCOUNTS_FIELD]: selection.forConsent }),
    consent: [approve ? 'true' : 'false'],
    type: [consentType],
    sessionDataKeyConsent: [randomUUID()],
  };
}

function defaultCookies(): Record<string, string> {
  return { commonAuthId: randomUUID(), JSESSIONID: randomBytes(64).toString('hex').toUpperCase() };
}

/**
 * `authorizedResources` as the service receives it: the servlet payload with `authorizedData` and `isReauthorization`
 * added, `requestParameters` (the form) removed, and `consentData.consentMetadata` merged into `metadata`.
 * @throws MultipleAccountSelectionError as the identity server does for a multiple choice that is not allowed.
 */
export function buildAuthorizedResources(populateData: unknown, submission: ConsentPageSubmission): JsonRecord {
  const consentData = recordAt(populateData, 'consentData');
  const consentType = stringAt(consentData, 'type') ?? 'default';
  const form = consentPageForm(submission.selection, consentType, submission.approve);
  return {
    cookies: submission.cookies ?? defaultCookies(),
    type: consentType,
    // The servlet posts the form value, a string, although the published YAML says boolean.
    approval: submission.approve ? 'true' : 'false',
    userId: submission.userId,
    metadata: { ...submission.servletMetadata, ...recordAt(consentData, 'consentMetadata') },
    isReauthorization: consentData?.isReauthorization === true,
    authorizedData: buildAuthorizedData(populateData, form),
  };
}
