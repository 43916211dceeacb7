import { html, type SafeHtml } from '../html/html.js';
import type { TracedDecision } from './audit-trail-lookup.js';

export interface TraceModel {
  readonly id: string | undefined;
  readonly byRequest: readonly TracedDecision[];
  readonly byConsent: readonly TracedDecision[];
  /** The consent the looked-up call was about, with every decision on it. */
  readonly related: { readonly consentId: string; readonly decisions: readonly TracedDecision[] } | undefined;
}

const OUTCOME_WORDS: Readonly<Record<string, string>> = {
  SUCCESS: 'Success',
  ERROR: 'Refused (ERROR)',
  FAULT: 'Fault',
};

function traceLink(id: string): SafeHtml {
  return html`<a href="/console/trace?id=${encodeURIComponent(id)}"><code>${id}</code></a>`;
}

function table(caption: string, decisions: readonly TracedDecision[]): SafeHtml {
  return html`<table>
  <caption>${caption} (${decisions.length}, newest first)</caption>
  <thead><tr><th scope="col">Time (UTC)</th><th scope="col">Point</th><th scope="col">Outcome</th><th scope="col">Error code</th><th scope="col">Spec</th><th scope="col">Took</th><th scope="col">requestId</th><th scope="col">consentId</th><th scope="col">Metrics</th></tr></thead>
  <tbody>${decisions.map(
    (decision) => html`<tr>
    <td>${decision.createdAt.toISOString().replace('T', ' ').slice(0, 23)}</td>
    <td><code>${decision.extension}</code></td>
    <td class="${decision.outcome === 'SUCCESS' ? 'ok' : 'bad'}">${OUTCOME_WORDS[decision.outcome] ?? decision.outcome}</td>
    <td>${decision.errorCode ?? '-'}</td>
    <td>${decision.spec}</td>
    <td>${decision.durationMs} ms</td>
    <td>${traceLink(decision.requestId)}</td>
    <td>${decision.consentId === null ? '-' : traceLink(decision.consentId)}</td>
    <td><a href="/console/metrics?spec=${encodeURIComponent(decision.spec)}&amp;point=${encodeURIComponent(decision.extension)}">metrics of ${decision.extension}</a></td>
  </tr>`,
  )}</tbody>
</table>`;
}

export function renderTrace(model: TraceModel): SafeHtml {
  const search = html`<p class="lead">Every decision of this service is in its audit trail: the point, the outcome, the error code it relayed and when.
  Look one up by the requestId the identity server sent (its logs and the console's calls show it) or by the consent id.</p>
<form class="tool" method="get" action="/console/trace" role="search">
  <div class="field">
    <label for="id">requestId or consentId</label>
    <input type="search" id="id" name="id" value="${model.id ?? ''}" required maxlength="255" spellcheck="false">
  </div>
  <div><button type="submit" class="primary">Trace</button></div>
</form>`;
  if (model.id === undefined) {
    return search;
  }
  const found = model.byRequest.length + model.byConsent.length > 0;
  return html`${search}
<h2>Decisions for <code>${model.id}</code></h2>
${
  found
    ? ''
    : html`<p class="notice" role="status">No decision in the audit trail has this requestId or consentId. The trail keeps identifiers only, for the retention of the audit records.</p>`
}
${model.byRequest.length === 0 ? '' : table(`Calls with requestId ${model.id}`, model.byRequest)}
${model.byConsent.length === 0 ? '' : table(`Decisions on consent ${model.id}`, model.byConsent)}
${model.related === undefined ? '' : table(`Every decision on consent ${model.related.consentId}, the consent of that call`, model.related.decisions)}`;
}
