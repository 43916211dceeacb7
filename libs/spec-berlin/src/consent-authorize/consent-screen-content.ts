import type { ConsentScreenData, JsonObject, ScreenAccount, StoredConsentResource } from '@app/contract';
import type { BankAccountView } from '@app/bank-backend';
import { accountLabel } from '../shared/account-reference.js';
import { attributeOf, ConsentAttribute } from '../shared/consent-attributes.js';
import { BerlinConsentType } from '../shared/consent-type.js';
import { formatIsoDate, lastValidDayOf } from '../shared/iso-date.js';
import { isJsonObject, isString } from '../shared/json.js';
import { RIGHT_LABELS, type Coverage } from './consent-coverage.js';

/* What the consent page shows (contract §4.9): per account what is shared, and the terms of the consent or payment. */

/** The page posts back `displayName`s: the account name with its IBAN is unique and stable. */
export function screenAccount(account: BankAccountView): ScreenAccount {
  return { displayName: accountLabel(account), accountId: account.accountId };
}

export function screenData(
  consent: StoredConsentResource,
  coverage: Exclude<Coverage, { mode: 'refused' }>,
  approvalsLeft: number,
): ConsentScreenData {
  const boxes: Record<string, string[]> = { ...termsOf(consent) };
  if (coverage.mode === 'fixed') {
    for (const { account, rights } of coverage.accounts) {
      boxes[accountLabel(account)] = rights.map((right) => RIGHT_LABELS[right]);
    }
  } else {
    boxes['Shared for each account you choose'] = coverage.rights.map((right) => RIGHT_LABELS[right]);
  }
  if (approvalsLeft > 1) {
    boxes['Approvals'] = [`${approvalsLeft - 1} more approval(s) will be needed after yours`];
  }
  return {
    type: consent.type ?? BerlinConsentType.Accounts,
    basicConsentData: boxes,
    ...(coverage.mode === 'fixed'
      ? { initiatedAccountsForConsent: coverage.accounts.map(({ account }) => screenAccount(account)) }
      : {}),
    allowMultipleAccounts: true,
    handleAccountSelectionSeparately: false,
    isReauthorization: false,
  };
}

function termsOf(consent: StoredConsentResource): Record<string, string[]> {
  const receipt = consent.receipt ?? {};
  if (consent.type === BerlinConsentType.Payments) {
    return paymentTerms(consent, receipt);
  }
  if (consent.type === BerlinConsentType.FundsConfirmations) {
    return { Consent: ['Confirmation of funds: the provider may ask whether an amount is available on the account'] };
  }
  const validUntil =
    attributeOf(consent, ConsentAttribute.ValidUntil) ?? formatIsoDate(lastValidDayOf(consent.validityTime ?? 0));
  return {
    'Valid until': [validUntil],
    'Recurring access': [consent.recurringIndicator === true ? 'Yes' : 'No, one-off access'],
    'Access without you, per day': [String(consent.frequency ?? 1)],
  };
}

function paymentTerms(consent: StoredConsentResource, receipt: JsonObject): Record<string, string[]> {
  const transfers = Array.isArray(receipt['payments']) ? receipt['payments'].filter(isJsonObject) : [receipt];
  const terms: Record<string, string[]> = {
    Payment: [
      `${attributeOf(consent, ConsentAttribute.PaymentService) ?? 'payments'} / ${attributeOf(consent, ConsentAttribute.PaymentProduct) ?? ''}`,
    ],
    'Credit transfers': transfers.map(describeTransfer),
  };
  for (const field of ['requestedExecutionDate', 'startDate', 'endDate', 'frequency', 'dayOfExecution']) {
    const value = receipt[field];
    if (isString(value)) {
      terms[field] = [value];
    }
  }
  return terms;
}

function describeTransfer(transfer: JsonObject): string {
  const amount = isJsonObject(transfer['instructedAmount']) ? transfer['instructedAmount'] : {};
  const creditor = isJsonObject(transfer['creditorAccount']) ? transfer['creditorAccount'] : {};
  const creditorId = [creditor['iban'], creditor['bban'], creditor['pan'], creditor['maskedPan']].find(isString) ?? '';
  const text = (value: unknown): string => (isString(value) ? value : '');
  return `${text(amount['amount'])} ${text(amount['currency'])} to ${text(transfer['creditorName'])} ${creditorId}`.trim();
}
