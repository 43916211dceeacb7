import { randomUUID } from 'node:crypto';
import type {
  ConsentScreenData,
  JsonObject,
  ScreenAccount,
  ScreenPermission,
  StoredConsentResource,
} from '@app/contract';
import { ConsentType } from '../shared/consent-type.js';
import { parseDateTimeValue } from '../shared/date-time.js';
import { hasKey, isJsonObject, isString, nonEmptyString } from '../shared/json.js';

/*
 * The consent page data the accelerator builds (`ConsentAuthorizeUtil`, contract §7.4). Box titles and value formats
 * are the accelerator's, so the default page reads exactly as it does without the extension.
 */

/** What the page shows about the consent, and whether the customer picks accounts from their own. */
export interface ScreenData {
  readonly consentData: ConsentScreenData;
  readonly offersCustomerAccounts: boolean;
}

/** A consent the page cannot be built for; the message becomes the TPP's `error_description`. */
export interface ScreenDataRefusal {
  readonly errorMessage: string;
}

const CONSENT_EXPIRED = 'Provided consent is expired';
const DATA_MISSING = 'Data Object is missing';
/** `ConsentAuthorizeConstants.ACC_CONSENT_RETRIEVAL_ERROR`: a stored receipt the page cannot read. */
const RECEIPT_UNREADABLE = 'Error occurred while retrieving the account initiation request details';

const EXPIRATION_TITLE = 'Expiration Date Time';
const OPEN_ENDED_AUTHORISATION = 'Open Ended Authorisation Requested';

/** Debtor account lines in the accelerator's order, then the creditor's (`populateDebtorAccount`, `populateCreditorAccount`). */
const DEBTOR_ACCOUNT_LINES: ReadonlyArray<readonly [string, string]> = [
  ['SchemeName', 'Scheme Name'],
  ['Name', 'Name'],
  ['SecondaryIdentification', 'Secondary Identification'],
  ['Identification', 'Identification'],
];
const CREDITOR_ACCOUNT_LINES: ReadonlyArray<readonly [string, string]> = [
  ['SchemeName', 'Scheme Name'],
  ['Identification', 'Identification'],
  ['Name', 'Name'],
  ['SecondaryIdentification', 'Secondary Identification'],
];

/** The page of a consent a TPP created beforehand (`getConsentDataForPreInitiatedConsent`). */
export function preInitiatedScreenData(
  consent: StoredConsentResource,
  nowMillis: number,
): ScreenData | ScreenDataRefusal {
  const type = nonEmptyString(consent.type);
  if (type === undefined) {
    return { errorMessage: RECEIPT_UNREADABLE };
  }
  const data = consent.receipt?.['Data'];
  if (!isJsonObject(data)) {
    return { errorMessage: DATA_MISSING };
  }
  switch (type) {
    case ConsentType.Accounts:
      return accountScreenData(type, data, nowMillis);
    case ConsentType.Payments:
      return paymentScreenData(type, data);
    case ConsentType.FundsConfirmations:
      return fundsConfirmationScreenData(type, data, nowMillis);
    default:
      // Types the accelerator does not know get a page with the type only, and no accounts to choose from.
      return { consentData: { type }, offersCustomerAccounts: false };
  }
}

/** The page of a scope-based flow, which creates a `default` consent at persist time (`getConsentDataForScope`). */
export function scopeBasedScreenData(scopes: readonly string[]): ScreenData {
  return {
    consentData: {
      type: ConsentType.Default,
      permissions: scopes.length > 0 ? [permission(scopes)] : [],
      allowMultipleAccounts: true,
    },
    offersCustomerAccounts: true,
  };
}

function accountScreenData(type: string, data: JsonObject, nowMillis: number): ScreenData | ScreenDataRefusal {
  const permissions = data['Permissions'];
  const displayValues = Array.isArray(permissions)
    ? permissions.filter(isString).filter((value) => value.length > 0)
    : [];
  if (displayValues.length === 0) {
    return { errorMessage: RECEIPT_UNREADABLE };
  }
  const basicConsentData: Record<string, string[]> = {};
  if (hasKey(data, 'ExpirationDateTime')) {
    const expiration = expirationLines(data['ExpirationDateTime'], nowMillis);
    if (!Array.isArray(expiration)) {
      return expiration;
    }
    basicConsentData[EXPIRATION_TITLE] = expiration;
  }
  addLine(basicConsentData, 'Transaction From Date Time', data['TransactionFromDateTime']);
  addLine(basicConsentData, 'Transaction To Date Time', data['TransactionToDateTime']);
  return {
    consentData: { type, basicConsentData, permissions: [permission(displayValues)], allowMultipleAccounts: true },
    offersCustomerAccounts: true,
  };
}

function paymentScreenData(type: string, data: JsonObject): ScreenData {
  const initiation = data['Initiation'];
  if (!isJsonObject(initiation)) {
    return { consentData: { type }, offersCustomerAccounts: true };
  }
  const basicConsentData: Record<string, string[]> = {};
  addLine(basicConsentData, 'Instruction Identification', initiation['InstructionIdentification']);
  addLine(basicConsentData, 'End to End Identification', initiation['EndToEndIdentification']);
  const amount = initiation['InstructedAmount'];
  if (isJsonObject(amount)) {
    basicConsentData['Instructed Amount'] = [
      ...labelled('Amount', amount['Amount']),
      ...labelled('Currency', amount['Currency']),
    ];
  }
  const debtor = debtorAccount(initiation, basicConsentData);
  const creditor = initiation['CreditorAccount'];
  if (isJsonObject(creditor)) {
    basicConsentData['Creditor Account'] = accountLines(creditor, CREDITOR_ACCOUNT_LINES);
  }
  return {
    consentData: { type, basicConsentData, ...(debtor ? { initiatedAccountsForConsent: [debtor] } : {}) },
    // The customer picks the account to pay from only when the TPP did not name one.
    offersCustomerAccounts: debtor === undefined,
  };
}

function fundsConfirmationScreenData(
  type: string,
  data: JsonObject,
  nowMillis: number,
): ScreenData | ScreenDataRefusal {
  const basicConsentData: Record<string, string[]> = {};
  const expirationDateTime = data['ExpirationDateTime'];
  const expiration =
    expirationDateTime === undefined || expirationDateTime === null
      ? [OPEN_ENDED_AUTHORISATION]
      : expirationLines(expirationDateTime, nowMillis);
  if (!Array.isArray(expiration)) {
    return expiration;
  }
  basicConsentData[EXPIRATION_TITLE] = expiration;
  const debtor = debtorAccount(data, basicConsentData);
  return {
    consentData: { type, basicConsentData, ...(debtor ? { initiatedAccountsForConsent: [debtor] } : {}) },
    offersCustomerAccounts: false,
  };
}

/** The expiration box of a consent still valid; an expired or unreadable expiration refuses the page. */
function expirationLines(expiration: unknown, nowMillis: number): string[] | ScreenDataRefusal {
  const expiresAt = parseDateTimeValue(expiration);
  if (expiresAt === undefined || !isString(expiration)) {
    return { errorMessage: RECEIPT_UNREADABLE };
  }
  return expiresAt <= nowMillis ? { errorMessage: CONSENT_EXPIRED } : [expiration];
}

/**
 * Shows the debtor account box and returns the debtor as the consent's initiated account, named by its identification
 * (the accelerator's display name and mapping id). Without an identification there is nothing to map.
 */
function debtorAccount(holder: JsonObject, basicConsentData: Record<string, string[]>): ScreenAccount | undefined {
  const debtor = holder['DebtorAccount'];
  if (!isJsonObject(debtor)) {
    return undefined;
  }
  basicConsentData['Debtor Account'] = accountLines(debtor, DEBTOR_ACCOUNT_LINES);
  const identification = nonEmptyString(debtor['Identification']);
  if (identification === undefined) {
    return undefined;
  }
  const account: ScreenAccount = { displayName: identification, accountId: identification };
  for (const [field] of DEBTOR_ACCOUNT_LINES) {
    if (isString(debtor[field])) {
      account[field] = debtor[field];
    }
  }
  return account;
}

function accountLines(account: JsonObject, lines: ReadonlyArray<readonly [string, string]>): string[] {
  return lines.flatMap(([field, title]) => labelled(title, account[field]));
}

/** `"Title : value"`, the accelerator's bullet format, when the value is a string. */
function labelled(title: string, value: unknown): string[] {
  return isString(value) ? [`${title} : ${value}`] : [];
}

function addLine(box: Record<string, string[]>, title: string, value: unknown): void {
  if (isString(value)) {
    box[title] = [value];
  }
}

function permission(displayValues: readonly string[]): ScreenPermission {
  return { uid: randomUUID(), displayValues: [...displayValues] };
}
