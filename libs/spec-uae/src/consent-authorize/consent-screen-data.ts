import type { JsonObject } from '@app/contract';
import type { UaeConsentRequest } from '../authorize/uae-consent-request.js';
import { isJsonObject, objectAt, stringArrayAt, stringAt } from '../shared/json.js';
import { formatMoney } from '../shared/money.js';
import { paymentControlsOf, type PaymentControls } from '../shared/payment-controls.js';
import { PERIOD_TEXTS, PURPOSE_TEXTS, permissionText } from './screen-texts.js';

/** The consent types the identity server stores UAE consents under. */
export const UAE_CONSENT_TYPES = { accountAccess: 'accounts', serviceInitiation: 'payments' } as const;

function scheduleLines(controls: PaymentControls | undefined): string[] {
  if (controls === undefined || controls.kind === 'file') {
    return [];
  }
  if (controls.kind === 'single') {
    return [`One instant payment of ${formatMoney(controls.amount)}`];
  }
  if (controls.kind === 'combined') {
    return [...scheduleLines(controls.single), ...scheduleLines(controls.multi)];
  }
  const lines: string[] = [];
  const periodic = controls.periodic;
  if (periodic !== undefined) {
    const period = PERIOD_TEXTS[periodic.periodType] ?? periodic.periodType;
    lines.push(
      `${periodic.scheduleType}: payments per ${period}, starting ${new Date(periodic.periodStartDay * 86_400_000).toISOString().slice(0, 10)}`,
    );
    if (periodic.exactAmount) {
      lines.push(`Each payment: ${formatMoney(periodic.exactAmount)}`);
    }
    if (periodic.maximumAmount) {
      lines.push(`Each payment at most ${formatMoney(periodic.maximumAmount)}`);
    }
    if (periodic.maximumValuePerPeriod) {
      lines.push(`At most ${formatMoney(periodic.maximumValuePerPeriod)} per ${period}`);
    }
    if (periodic.maximumCountPerPeriod !== undefined) {
      lines.push(`At most ${periodic.maximumCountPerPeriod} payment(s) per ${period}`);
    }
  }
  for (const payment of controls.defined?.payments ?? []) {
    const amount = payment.exactAmount ?? payment.maximumAmount;
    lines.push(`${payment.date}: ${payment.exactAmount ? '' : 'up to '}${amount ? formatMoney(amount) : ''}`.trim());
  }
  if (controls.maximumCumulativeValue) {
    lines.push(`In total at most ${formatMoney(controls.maximumCumulativeValue)}`);
  }
  if (controls.maximumCumulativeCount !== undefined) {
    lines.push(`In total at most ${controls.maximumCumulativeCount} payment(s)`);
  }
  return lines;
}

function creditorLines(pii: JsonObject | undefined): string[] {
  const creditors = objectAt(pii, 'Initiation')?.['Creditor'];
  return (Array.isArray(creditors) ? creditors : []).filter(isJsonObject).map((creditor) => {
    const account = objectAt(creditor, 'CreditorAccount');
    const name =
      stringAt(objectAt(creditor, 'Creditor'), 'Name') ?? stringAt(objectAt(account, 'Name'), 'en') ?? 'Creditor';
    return `${name}: ${stringAt(account, 'Identification') ?? 'account not given'}`;
  });
}

/** The boxes of the consent page (`basicConsentData`): one title per fact, bullet lines as values. */
export function basicConsentData(request: UaeConsentRequest): Record<string, string[]> {
  const { consent } = request;
  const boxes: Record<string, string[]> = {};
  const put = (title: string, lines: readonly (string | undefined)[]): void => {
    const present = lines.filter((line): line is string => line !== undefined && line !== '');
    if (present.length > 0) {
      boxes[title] = present;
    }
  };
  const billing = objectAt(consent, 'OpenFinanceBilling');
  const purpose = stringAt(billing, 'Purpose');
  put('Purpose', [purpose === undefined ? undefined : (PURPOSE_TEXTS[purpose] ?? purpose)]);
  put('Customer type', [stringAt(billing, 'UserType')]);
  put('Consent expires', [stringAt(consent, 'ExpirationDateTime')]);
  put('Authorisation expires', [stringAt(consent, 'AuthorizationExpirationDateTime')]);
  put('Transactions from', [stringAt(consent, 'FromDate')]);
  put('Transactions to', [stringAt(consent, 'ToDate')]);
  put('Account types', [
    ...(stringArrayAt(consent, 'AccountType') ?? []),
    ...(stringArrayAt(consent, 'AccountSubType') ?? []),
  ]);
  const onBehalfOf = objectAt(consent, 'OnBehalfOf');
  put('On behalf of', [stringAt(onBehalfOf, 'TradingName'), stringAt(onBehalfOf, 'LegalName')]);
  put('Renews consent', [request.baseConsentId]);
  if (request.kind === 'service-initiation') {
    put('Payment schedule', scheduleLines(paymentControlsOf(consent)));
    put('Payee', creditorLines(request.pii));
    put('Payment purpose code', [stringAt(consent, 'PaymentPurposeCode')]);
    put('References', [stringAt(consent, 'DebtorReference'), stringAt(consent, 'CreditorReference')]);
    put('Authorisers', [
      consent['IsSingleAuthorization'] === false ? 'Several authorisers must approve this payment' : undefined,
    ]);
  }
  return boxes;
}

/** The permissions box: everything the TPP may read, in plain language. */
export function permissionLines(request: UaeConsentRequest): string[] {
  return (stringArrayAt(request.consent, 'Permissions') ?? []).map(permissionText);
}
