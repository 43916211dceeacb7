import { renderConsentPage } from './consent-page.view.js';

const account = (displayName: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  displayName,
  accountId: `id-${displayName}`,
  ...extra,
});

function render(populateData: Record<string, unknown>): string {
  return renderConsentPage({ application: 'tpp-app', populateData, action: '/console/preview/x/decide', hidden: {} })
    .markup;
}

describe('The consent page, drawn from a populate answer', () => {
  it('shows one box per basicConsentData key with its values as bullets', () => {
    const markup = render({
      consentData: { type: 'accounts', basicConsentData: { 'Expiration Date Time': ['2026-12-31'] } },
    });
    expect(markup).toContain('<h2 id="consent-page-heading">tpp-app requests your consent</h2>');
    expect(markup).toContain('<div class="box"><h3>Expiration Date Time</h3><ul><li>2026-12-31</li></ul></div>');
  });

  it('offers check boxes with allowMultipleAccounts, pre-checking a selected account of a single permission', () => {
    const markup = render({
      consentData: {
        type: 'accounts',
        allowMultipleAccounts: true,
        permissions: [{ uid: 'u', displayValues: ['Your balances'] }],
      },
      consumerData: { accounts: [account('A', { selected: true }), account('B')] },
    });
    expect(markup).toContain(
      '<input type="checkbox" id="permission-0-account-0" name="permission-0" value="A" checked>',
    );
    expect(markup).toContain('<input type="checkbox" id="permission-0-account-1" name="permission-0" value="B">');
    expect(markup).toContain('<label for="permission-0-account-0">');
  });

  it('offers one select without allowMultipleAccounts, and ignores selected when several permissions share the choice', () => {
    const markup = render({
      consentData: {
        type: 'accounts',
        permissions: [
          { uid: 'u1', displayValues: ['a'] },
          { uid: 'u2', displayValues: ['b'] },
        ],
      },
      consumerData: { accounts: [account('A', { selected: true })] },
    });
    expect(markup).toContain(
      '<label for="permission-1-account">Choose the account</label><select id="permission-1-account" name="permission-1"><option value="A">A (id-A)</option></select>',
    );
    expect(markup).not.toContain('selected');
  });

  it('lists the accounts the TPP named read-only, and without permissions offers the consent-level choice', () => {
    const named = render({
      consentData: { type: 'payments', initiatedAccountsForConsent: [account('Debtor')] },
      consumerData: { accounts: [account('Other')] },
    });
    expect(named).toContain(
      '<p>The accounts the TPP named:</p><ul class="accounts"><li>Debtor <span class="hint">(id-Debtor)</span></li></ul>',
    );
    expect(named).not.toContain('<select');
    const choice = render({ consentData: { type: 'payments' }, consumerData: { accounts: [account('Payer')] } });
    expect(choice).toContain('name="accounts"');
  });

  it('says so when the customer has no account to offer, and shows the re-authorisation notice', () => {
    const markup = render({
      consentData: { type: 'accounts', isReauthorization: true },
      consumerData: { accounts: [] },
    });
    expect(markup).toContain('<p class="notice">No accounts of this customer can be offered.</p>');
    expect(markup).toContain('You have already authorised this consent.');
  });

  it('never lets a text of the answer become markup', () => {
    const markup = render({
      consentData: { type: '<img src=x onerror=alert(1)>', basicConsentData: { '<b>Key</b>': ['<script>x</script>'] } },
    });
    expect(markup).not.toMatch(/<img|<script|<b>/);
    expect(markup).toContain('&lt;script&gt;x&lt;/script&gt;');
  });
});
