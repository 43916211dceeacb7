import { html, type SafeHtml } from '../html/html.js';
import { renderExchange } from '../views/exchange.view.js';
import type { JourneyRun } from './journey-runs.service.js';

export interface JourneyChoice {
  readonly spec: string;
  readonly title: string;
  readonly journeySpec: string;
  readonly description: string;
  readonly steps: number;
}

const STATUS_WORDS = { passed: 'Passed', failed: 'Failed', skipped: 'Skipped' } as const;

export function renderJourneyForm(choices: readonly JourneyChoice[], chosen: string | undefined): SafeHtml {
  return html`<p class="lead">Run the identity-server simulator's journey of a specification against this service, step by step, as the identity
  server would call it. Each step shows the requests it sent, the answers, the contract matcher's verdict and the requestId.</p>
<form class="tool" method="get" action="/console/journeys/run">
  <div class="field">
    <label for="spec">Specification</label>
    <select id="spec" name="spec" aria-describedby="spec-hint">${choices.map(
      (choice) =>
        html`<option value="${choice.spec}"${choice.spec === chosen ? html` selected` : ''}>${choice.spec}: ${choice.title} (journey "${choice.journeySpec}", ${choice.steps} steps)</option>`,
    )}</select>
    <p class="hint" id="spec-hint">A bank module runs the journey of the specification it derives from. A journey creates consents and calls every point, so run it against a test database.</p>
  </div>
  <div><button type="submit" class="primary">Run the journey</button></div>
</form>
<h2>What each journey covers</h2>
<dl class="facts">${choices.map((choice) => html`<dt>${choice.spec}</dt><dd>${choice.description}</dd>`)}</dl>`;
}

export function renderJourneyRun(entry: JourneyRun): SafeHtml {
  const { run } = entry;
  return html`<p class="lead">Journey <strong>${run.journey}</strong> against <code>/${entry.spec}</code>, started ${entry.startedAt.toISOString()} ·
  <a href="/console/journeys?spec=${encodeURIComponent(entry.spec)}">run again</a></p>
<p role="status"><span class="${run.ok ? 'ok' : 'bad'}">${run.ok ? 'Every step passed' : 'Some steps did not pass'}</span>: ${run.passed} passed, ${run.failed} failed, ${run.skipped} skipped.</p>
<ol>${run.steps.map(
    (step, index) => html`<li id="step-${index + 1}">
  <h2><span class="status-${step.status}">${STATUS_WORDS[step.status]}</span> · ${step.name}</h2>
  <p>${step.detail} <span class="hint">(${Math.round(step.durationMs)} ms, ${step.exchanges.length} call${step.exchanges.length === 1 ? '' : 's'})</span></p>
  ${
    step.exchanges.length === 0
      ? ''
      : html`<details${step.status === 'failed' ? html` open` : ''}><summary>The calls of this step</summary>${step.exchanges.map((exchange, call) => renderExchange(`Call ${call + 1}: ${exchange.extension}`, exchange))}</details>`
  }
</li>`,
  )}</ol>`;
}
