import { jsonText, html, type SafeHtml } from '../html/html.js';
import { renderExchange } from '../views/exchange.view.js';
import { renderConsentPage } from './consent-page.view.js';
import type { ConsentExample } from './examples/consent-example.js';
import type { ServedSpecInfo } from './examples/consent-examples.js';
import type { PreviewSession } from './preview-session.js';

export interface DemoCustomer {
  readonly userId: string;
  readonly displayName: string;
}

export interface PreviewFormModel {
  readonly served: readonly { readonly spec: ServedSpecInfo; readonly examples: readonly ConsentExample[] }[];
  /** `spec:example` of the loaded example. */
  readonly chosen: { readonly spec: string; readonly example: ConsentExample };
  readonly customers: readonly DemoCustomer[];
  readonly userId: string;
  /** The fields as last submitted, when the form is shown again with an error. */
  readonly values?: { readonly resourcePath: string; readonly headers: string; readonly body: string };
  readonly error?: string;
}

export const exampleKey = (spec: string, example: ConsentExample): string => `${spec}:${example.id}`;

export function renderPreviewForm(model: PreviewFormModel): SafeHtml {
  const { spec, example } = model.chosen;
  const key = exampleKey(spec, example);
  const values = model.values ?? {
    resourcePath: example.resourcePath,
    headers: jsonText(example.headers),
    body: jsonText(example.body),
  };
  const pushed = example.flow === 'pushed-authorization';
  return html`<p class="lead">Choose a consent a TPP can request from a served specification, edit it if you like, and see the consent page the
  identity server renders from this service's populate-consent-authorize-screen answer. Approving or denying on that page runs
  persist-authorized-consent and shows the consent as the identity server stores it.</p>
<form class="tool" method="get" action="/console/preview">
  <div class="field">
    <label for="example">Specification and consent type</label>
    <select id="example" name="example">${model.served.map(
      (entry) =>
        html`<optgroup label="${entry.spec.id}: ${entry.spec.title}">${entry.examples.map(
          (candidate) =>
            html`<option value="${exampleKey(entry.spec.id, candidate)}"${exampleKey(entry.spec.id, candidate) === key ? html` selected` : ''}>${entry.spec.id} · ${candidate.title}</option>`,
        )}</optgroup>`,
    )}</select>
  </div>
  <div><button type="submit">Load this example</button></div>
</form>
<h2>The TPP's request</h2>
${model.error === undefined ? '' : html`<div class="error-box" role="alert"><p><strong>Cannot show the consent page:</strong> ${model.error}</p></div>`}
<form class="tool" method="get" action="/console/preview/run">
  <input type="hidden" name="example" value="${key}">
  <div class="field">
    <label for="user">Customer who signs in</label>
    <select id="user" name="user">${model.customers.map(
      (customer) =>
        html`<option value="${customer.userId}"${customer.userId === model.userId ? html` selected` : ''}>${customer.displayName} (${customer.userId})</option>`,
    )}</select>
    <p class="hint">The demo bank's customers. The identity server sends this user id to the service.</p>
  </div>
  ${
    pushed
      ? ''
      : html`<div class="field">
    <label for="resourcePath">Consent resource path</label>
    <input type="text" id="resourcePath" name="resourcePath" value="${values.resourcePath}" aria-describedby="resourcePath-hint">
    <p class="hint" id="resourcePath-hint">The TPP's POST, after /api/fs/consent/manage/ (consentResourcePath).</p>
  </div>
  <div class="field">
    <label for="headers">TPP headers the gateway forwards (JSON)</label>
    <textarea id="headers" name="headers" class="short" rows="4" spellcheck="false" aria-describedby="headers-hint">${values.headers}</textarea>
    <p class="hint" id="headers-hint">Besides x-wso2-client-id (${example.clientId}); only headers on manage_extension.allowed_headers reach the service.</p>
  </div>`
  }
  <div class="field">
    <label for="body">${pushed ? 'The authorization_details item of the request object (JSON)' : "The TPP's consent request body (JSON)"}</label>
    <textarea id="body" name="body" rows="18" spellcheck="false"${example.note === undefined ? '' : html` aria-describedby="body-note"`}>${values.body}</textarea>
    ${example.note === undefined ? '' : html`<p class="hint" id="body-note">${example.note}</p>`}
  </div>
  <div><button type="submit" class="primary">Show the consent page</button></div>
</form>`;
}

function storedConsent(session: PreviewSession): SafeHtml {
  const decision = session.decision;
  if (decision === undefined) {
    return html``;
  }
  const consent = decision.storedConsent;
  if (consent === undefined) {
    return html`<h2 id="stored-consent">Stored consent</h2><p class="error-box">The identity server stored nothing: see the persist call below.</p>`;
  }
  const mappings = (consent.authorizations ?? []).flatMap((authorization) =>
    authorization.resources.map((resource) => ({ authorization, resource })),
  );
  return html`<h2 id="stored-consent">Stored consent</h2>
<p>${decision.approved ? 'The customer approved.' : 'The customer denied.'} Persist requestId <code>${decision.requestId}</code>:
  <a href="/console/trace?id=${encodeURIComponent(decision.requestId)}">trace this decision</a>.</p>
<dl class="facts">
  <dt>Consent id</dt><dd><code>${consent.id}</code> · <a href="/console/trace?id=${encodeURIComponent(consent.id)}">every decision on it</a></dd>
  <dt>Type</dt><dd>${consent.type}</dd>
  <dt>Status</dt><dd><strong>${consent.status}</strong></dd>
  <dt>Valid until</dt><dd>${consent.validityTime === 0 ? 'no expiry' : new Date(consent.validityTime * 1000).toISOString()}</dd>
  <dt>Frequency</dt><dd>${consent.frequency}</dd>
  <dt>Recurring</dt><dd>${consent.recurringIndicator ? 'yes' : 'no'}</dd>
</dl>
<table>
  <caption>Authorizations and account mappings</caption>
  <thead><tr><th scope="col">User</th><th scope="col">Authorization</th><th scope="col">Account</th><th scope="col">Permission</th><th scope="col">Mapping status</th></tr></thead>
  <tbody>${
    mappings.length === 0
      ? html`<tr><td colspan="5">No account is mapped.</td></tr>`
      : mappings.map(
          ({ authorization, resource }) =>
            html`<tr><td>${authorization.userId ?? '-'}</td><td>${authorization.type}: ${authorization.status}</td><td><code>${resource.accountId}</code></td><td>${resource.permission}</td><td>${resource.status}</td></tr>`,
        )
  }</tbody>
</table>
<details><summary>The stored consent as the identity server sends it (detailed variant)</summary><pre>${jsonText(consent)}</pre></details>`;
}

export function renderPreviewResult(id: string, session: PreviewSession, customerName: string): SafeHtml {
  const page =
    session.populateData === undefined
      ? html`<div class="error-box" role="alert"><p><strong>No consent page:</strong> the identity server stopped before rendering it. The calls below say why.</p></div>`
      : session.decision === undefined
        ? renderConsentPage({
            application: session.example.clientId,
            populateData: session.populateData,
            action: `/console/preview/${id}/decide`,
            hidden: {},
          })
        : html`<p>The consent page was submitted; the identity server ends its session with the first decision.</p>`;
  return html`<p class="lead">${session.spec} · ${session.example.title} · ${customerName} (${session.userId})${session.consentId === undefined ? '' : html` · consent <code>${session.consentId}</code>`} ·
  <a href="/console/preview?example=${encodeURIComponent(`${session.spec}:${session.example.id}`)}">preview another</a></p>
${storedConsent(session)}
<div class="two-columns">
  <div>
    <h2>The consent page</h2>
    ${page}
  </div>
  <div>
    <h2>What the identity server sent and received</h2>
    ${session.steps.map((step) => renderExchange(step.title, step.exchange, step.reaction))}
  </div>
</div>`;
}
