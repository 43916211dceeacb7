import type { IdentityServerReaction, RecordedExchange } from '@app/testing';
import { html, jsonText, type SafeHtml } from '../html/html.js';

/** The request text as JSON when it is, else as sent. */
function readable(text: string): string {
  try {
    return jsonText(JSON.parse(text));
  } catch {
    return text;
  }
}

const REACTION_WORDS: Readonly<Record<IdentityServerReaction['outcome'], string>> = {
  accepted: 'uses the answer',
  'business-error': 'relays the refusal',
  failed: 'fails',
};

/**
 * One call as the identity server made it: the request it sent (credentials hidden), the answer, the contract
 * matcher's verdict, what the identity server then did, and the requestId with a link to its decision trace.
 */
export function renderExchange(title: string, exchange: RecordedExchange, reaction?: IdentityServerReaction): SafeHtml {
  const answered = exchange.answer !== undefined;
  const verdictOk = answered && exchange.violations.length === 0;
  const headers = Object.entries(exchange.headers)
    .map(([name, value]) => `${name}: ${value}`)
    .join('\n');
  return html`<article class="exchange ${verdictOk ? 'verdict-ok' : 'verdict-bad'}">
  <h3>${title}</h3>
  <dl class="facts">
    <dt>Point</dt><dd><code>${exchange.extension}</code></dd>
    ${exchange.requestId === '' ? '' : html`<dt>requestId</dt><dd><code>${exchange.requestId}</code> · <a href="/console/trace?id=${encodeURIComponent(exchange.requestId)}">trace this call</a></dd>`}
    <dt>Answer</dt><dd>${exchange.answer === undefined ? (exchange.failure ?? 'none') : `HTTP ${exchange.answer.httpStatus}`}</dd>
    <dt>Contract</dt><dd>${
      !answered
        ? 'not checked (no answer)'
        : verdictOk
          ? html`<span class="ok">satisfies the contract</span>`
          : html`<span class="bad">violates the contract</span><ul>${exchange.violations.map((violation) => html`<li>${violation}</li>`)}</ul>`
    }</dd>
    ${reaction === undefined ? '' : html`<dt>Identity server</dt><dd><span class="${reaction.outcome === 'failed' ? 'bad' : reaction.outcome === 'accepted' ? 'ok' : ''}">${REACTION_WORDS[reaction.outcome]}</span>: ${reaction.description}</dd>`}
  </dl>
  ${exchange.url === '' ? '' : html`<details><summary>Request the identity server sent</summary><pre>POST ${exchange.url}\n${headers}</pre><pre>${readable(exchange.requestText)}</pre></details>`}
  ${exchange.answer === undefined ? '' : html`<details${verdictOk ? '' : html` open`}><summary>Answer of the service</summary><pre>${readable(exchange.answer.rawText)}</pre></details>`}
</article>`;
}
