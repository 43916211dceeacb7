import { html, type SafeHtml } from '../html/html.js';
import type { PointMetrics } from './point-metrics.js';

const bound = (seconds: number): string =>
  seconds === Number.POSITIVE_INFINITY ? 'any time' : seconds < 1 ? `${seconds * 1000} ms` : `${seconds} s`;

export function renderPointMetrics(spec: string, point: string, metrics: PointMetrics): SafeHtml {
  const total = metrics.outcomes.reduce((sum, entry) => sum + entry.calls, 0);
  return html`<p class="lead">Since the service started, from its Prometheus endpoint (<a href="/metrics">/metrics</a>):
  <code>extension_requests_total</code> and <code>extension_request_duration_seconds</code> of <code>${point}</code> on <code>/${spec}</code>.</p>
${
  total === 0
    ? html`<p class="notice" role="status">No call of this point on this specification since the service started.</p>`
    : html`<table>
  <caption>Calls by outcome (${total} in all)</caption>
  <thead><tr><th scope="col">Outcome</th><th scope="col">Calls</th><th scope="col">Mean time</th></tr></thead>
  <tbody>${metrics.outcomes.map((entry) => html`<tr><td>${entry.outcome}</td><td>${entry.calls}</td><td>${entry.meanMs === undefined ? '-' : `${entry.meanMs.toFixed(2)} ms`}</td></tr>`)}</tbody>
</table>
<table>
  <caption>Answered within (all outcomes)</caption>
  <thead><tr><th scope="col">Time</th><th scope="col">Calls</th></tr></thead>
  <tbody>${metrics.buckets.map((bucket) => html`<tr><td>${bound(bucket.upToSeconds)}</td><td>${bucket.calls}</td></tr>`)}</tbody>
</table>`
}
<p><a href="/console/trace">Back to the decision trace</a></p>`;
}
