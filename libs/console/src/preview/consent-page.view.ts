import { arrayAt, isJsonRecord, recordAt, stringAt, type JsonRecord } from '@app/testing';
import { html, type SafeHtml } from '../html/html.js';

/*
 * The consent page drawn from a populate-consent-authorize-screen answer the way the identity server's consent web app
 * draws it (fs_default.jsp and its includes, contract §4.9): one box per `basicConsentData` key with its values as
 * bullets; each permission's plain-language `displayValues` followed by the accounts named by the TPP (read-only) or a
 * choice over the customer's accounts (check boxes when several may be chosen, a single select otherwise); without
 * permissions, one account choice for the whole consent. The form posts account display names, as the real page does.
 */

export interface ConsentPageModel {
  /** The TPP's application, named in the page's header. */
  readonly application: string;
  readonly populateData: JsonRecord;
  /** Where the decision goes (the console's own route). */
  readonly action: string;
  /** Hidden fields the action needs. */
  readonly hidden: Readonly<Record<string, string>>;
}

/** A consumer account as the page reads it. */
interface PageAccount {
  readonly displayName: string;
  readonly accountId: string | undefined;
  readonly title: string | undefined;
  readonly description: string | undefined;
  readonly selected: boolean;
}

/** The form field of a permission's account choice: its position on the page (the real page renames it to the uid). */
export const permissionField = (index: number): string => `permission-${index}`;
export const CONSENT_ACCOUNTS_FIELD = 'accounts';

function accountsAt(value: unknown, key: string): PageAccount[] {
  return (arrayAt(value, key) ?? []).filter(isJsonRecord).map((account) => ({
    displayName: stringAt(account, 'displayName') ?? '',
    accountId: stringAt(account, 'accountId'),
    title: stringAt(account, 'title'),
    description: stringAt(account, 'description'),
    selected: account.selected === true,
  }));
}

function stringsAt(value: unknown, key: string): string[] {
  return (arrayAt(value, key) ?? []).map((item) => (typeof item === 'string' ? item : JSON.stringify(item)));
}

function accountLabel(account: PageAccount): SafeHtml {
  const detail = [account.title, account.description]
    .filter((part): part is string => part !== undefined && part !== '')
    .join(': ');
  // Some specifications already write the account number into the display name.
  const showId = account.accountId !== undefined && !account.displayName.includes(account.accountId);
  return html`${account.displayName}${showId ? html` <span class="hint">(${account.accountId})</span>` : ''}${detail === '' ? '' : html`<br><span class="hint">${detail}</span>`}`;
}

function readOnlyAccounts(accounts: readonly PageAccount[], caption: string): SafeHtml {
  return html`<p>${caption}</p><ul class="accounts">${accounts.map((account) => html`<li>${accountLabel(account)}</li>`)}</ul>`;
}

/** The choice over the customer's accounts: check boxes with `allowMultipleAccounts`, else one select. */
function accountChoice(
  field: string,
  idPrefix: string,
  accounts: readonly PageAccount[],
  multiple: boolean,
  preselect: boolean,
  legend: string,
): SafeHtml {
  if (accounts.length === 0) {
    return html`<p class="notice">No accounts of this customer can be offered.</p>`;
  }
  if (multiple) {
    return html`<fieldset><legend>${legend}</legend><ul class="accounts">${accounts.map(
      (account, index) =>
        html`<li><input type="checkbox" id="${idPrefix}-${index}" name="${field}" value="${account.displayName}"${preselect && account.selected ? html` checked` : ''}> <label for="${idPrefix}-${index}">${accountLabel(account)}</label></li>`,
    )}</ul></fieldset>`;
  }
  return html`<div class="field"><label for="${idPrefix}">${legend}</label><select id="${idPrefix}" name="${field}">${accounts.map(
    (account) =>
      html`<option value="${account.displayName}"${preselect && account.selected ? html` selected` : ''}>${account.displayName}${account.accountId === undefined || account.displayName.includes(account.accountId) ? '' : ` (${account.accountId})`}</option>`,
  )}</select></div>`;
}

function basicConsentData(consentData: JsonRecord | undefined): SafeHtml[] {
  const data = recordAt(consentData, 'basicConsentData') ?? {};
  return Object.entries(data).map(([title, values]) => {
    const items = Array.isArray(values)
      ? values.map((value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value)))
      : [JSON.stringify(values)];
    return html`<div class="box"><h3>${title}</h3><ul>${items.map((item) => html`<li>${item}</li>`)}</ul></div>`;
  });
}

/** The `additionalData` sections, which the real app shows on its account-selection page. */
function additionalData(populateData: JsonRecord): SafeHtml[] {
  return (arrayAt(populateData, 'additionalData') ?? []).filter(isJsonRecord).map(
    (section) => html`<div class="box">
      ${stringAt(section, 'title') === undefined ? '' : html`<h3>${stringAt(section, 'title')}</h3>`}
      ${stringAt(section, 'subtitle') === undefined ? '' : html`<p><strong>${stringAt(section, 'subtitle')}</strong>${stringAt(section, 'description') === undefined ? '' : html`<br><span class="hint">${stringAt(section, 'description')}</span>`}</p>`}
      <ul>${(arrayAt(section, 'items') ?? []).filter(isJsonRecord).map((item) => html`<li>${stringAt(item, 'item') ?? ''}</li>`)}</ul>
    </div>`,
  );
}

export function renderConsentPage(model: ConsentPageModel): SafeHtml {
  const consentData = recordAt(model.populateData, 'consentData');
  const consumerAccounts = accountsAt(recordAt(model.populateData, 'consumerData'), 'accounts');
  const initiatedForConsent = accountsAt(consentData, 'initiatedAccountsForConsent');
  const permissions = (arrayAt(consentData, 'permissions') ?? []).filter(isJsonRecord);
  const multiple = consentData?.allowMultipleAccounts === true;
  const separateSelection = consentData?.handleAccountSelectionSeparately === true;
  const type = stringAt(consentData, 'type') ?? 'default';
  // `selected: true` pre-checks an account, except when several permissions share the choice.
  const preselect = permissions.length <= 1;

  const permissionBlocks = permissions.map((permission, index) => {
    const initiated = accountsAt(permission, 'initiatedAccounts');
    const accounts =
      initiatedForConsent.length > 0
        ? readOnlyAccounts(initiatedForConsent, 'The accounts the TPP named:')
        : initiated.length > 0
          ? readOnlyAccounts(initiated, 'The accounts the TPP named:')
          : accountChoice(
              permissionField(index),
              `permission-${index}-account`,
              consumerAccounts,
              multiple,
              preselect,
              multiple ? 'Choose the accounts to share' : 'Choose the account',
            );
    return html`<div class="box"><h3>${permissions.length === 1 ? 'What will be shared' : `Permission ${index + 1}`}</h3>
      <ul>${stringsAt(permission, 'displayValues').map((text) => html`<li>${text}</li>`)}</ul>
      ${accounts}</div>`;
  });

  const consentLevel =
    permissions.length > 0
      ? ''
      : initiatedForConsent.length > 0
        ? html`<div class="box">${readOnlyAccounts(initiatedForConsent, 'The accounts the TPP named:')}</div>`
        : html`<div class="box">${accountChoice(CONSENT_ACCOUNTS_FIELD, 'consent-account', consumerAccounts, multiple, true, multiple ? 'Choose the accounts' : 'Choose the account')}</div>`;

  return html`<section class="consent-page" aria-labelledby="consent-page-heading">
  <h2 id="consent-page-heading">${model.application} requests your consent</h2>
  <p>Consent type: <strong>${type}</strong></p>
  ${consentData?.isReauthorization === true ? html`<p class="reauth">You have already authorised this consent. Approving again renews it.</p>` : ''}
  ${separateSelection ? html`<p class="hint">The identity server shows the account choice and the sections below on a page of their own, before this one.</p>${additionalData(model.populateData)}` : ''}
  <form method="get" action="${model.action}">
    ${Object.entries(model.hidden).map(([name, value]) => html`<input type="hidden" name="${name}" value="${value}">`)}
    ${basicConsentData(consentData)}
    ${permissionBlocks}
    ${consentLevel}
    <div class="actions">
      <button type="submit" name="decision" value="approve" class="primary">Approve</button>
      <button type="submit" name="decision" value="deny" class="danger">Deny</button>
    </div>
  </form>
</section>`;
}
