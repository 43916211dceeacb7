import {
  countCases,
  reportCounts,
  type ConformanceCase,
  type ConformanceReport,
  type ConformanceSuite,
} from './conformance-report.js';
import { prettyJson } from './exchange-summary.js';
import type { RecordedExchange } from './recording-client.js';

/*
 * The report as one self-contained HTML page (no script, no external file) that a CI server can publish as an
 * artifact: the totals, then every suite as a table, every failed case open with its calls, the others folded.
 * Status is written out in words, never told by colour alone.
 */

export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

const STATUS_WORDS = { passed: 'Passed', failed: 'Failed', skipped: 'Skipped' } as const;

// Colours chosen for a contrast of at least 4.5:1 on their backgrounds (WCAG AA).
const STYLE = `
  body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 72rem; padding: 0 1rem; color: #1f2328; background: #fff; line-height: 1.5; }
  h1 { font-size: 1.6rem; } h2 { font-size: 1.25rem; margin-top: 2rem; }
  table { border-collapse: collapse; width: 100%; } caption { text-align: left; font-weight: 600; padding: .5rem 0; }
  th, td { border-bottom: 1px solid #d0d7de; padding: .4rem .6rem; text-align: left; vertical-align: top; }
  .status { font-weight: 700; white-space: nowrap; } th[scope="row"] { width: 24%; }
  .passed { color: #116329; } .failed { color: #a40e26; } .skipped { color: #57606a; }
  pre { background: #f6f8fa; border: 1px solid #d0d7de; padding: .6rem; overflow-x: auto; white-space: pre-wrap; word-break: break-word; }
  summary { cursor: pointer; } summary:focus-visible { outline: 3px solid #0969da; outline-offset: 2px; }
  dl.totals { display: flex; gap: 2rem; } dl.totals dt { font-weight: 600; } dl.totals dd { margin: 0; font-size: 1.4rem; }
`;

function exchangeHtml(exchange: RecordedExchange, index: number): string {
  const headers = Object.entries(exchange.headers)
    .map(([name, value]) => `${name}: ${value}`)
    .join('\n');
  const answer =
    exchange.answer === undefined
      ? `<p>No answer: ${escapeHtml(exchange.failure ?? 'unknown')}</p>`
      : `<p>HTTP ${exchange.answer.httpStatus}${exchange.answer.contentType === undefined ? '' : `, ${escapeHtml(exchange.answer.contentType)}`}</p><pre>${escapeHtml(prettyJson(exchange.answer.rawText))}</pre>`;
  const verdict =
    exchange.answer === undefined
      ? ''
      : exchange.violations.length === 0
        ? '<p class="passed">The contract matcher: the answer satisfies the contract.</p>'
        : `<p class="failed">The contract matcher: the answer violates the contract.</p><ul>${exchange.violations.map((violation) => `<li>${escapeHtml(violation)}</li>`).join('')}</ul>`;
  return `<h4>Call ${index + 1}: ${escapeHtml(exchange.extension)} <small>requestId ${escapeHtml(exchange.requestId)}</small></h4>
    <p>POST ${escapeHtml(exchange.url)}</p>
    ${headers === '' ? '' : `<pre>${escapeHtml(headers)}</pre>`}
    ${exchange.requestText === '' ? '' : `<pre>${escapeHtml(prettyJson(exchange.requestText))}</pre>`}
    ${answer}${verdict}`;
}

function caseRow(entry: ConformanceCase): string {
  const calls =
    entry.exchanges.length === 0
      ? ''
      : `<details${entry.status === 'failed' ? ' open' : ''}><summary>${entry.exchanges.length} call${entry.exchanges.length === 1 ? '' : 's'}</summary>${entry.exchanges.map(exchangeHtml).join('')}</details>`;
  return `<tr><td class="status ${entry.status}">${STATUS_WORDS[entry.status]}</td><th scope="row">${escapeHtml(entry.name)}</th><td>${escapeHtml(entry.detail)}${calls}</td><td>${Math.round(entry.durationMs)} ms</td></tr>`;
}

function suiteHtml(suite: ConformanceSuite): string {
  const counts = countCases(suite.cases);
  return `<section aria-labelledby="suite-${escapeHtml(slug(suite.name))}">
  <h2 id="suite-${escapeHtml(slug(suite.name))}">${escapeHtml(suite.name)}</h2>
  <p>${escapeHtml(suite.description)}</p>
  <table>
    <caption>${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped</caption>
    <thead><tr><th scope="col">Status</th><th scope="col">Check</th><th scope="col">Detail</th><th scope="col">Time</th></tr></thead>
    <tbody>${suite.cases.map(caseRow).join('\n')}</tbody>
  </table>
</section>`;
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}

export function renderHtmlReport(report: ConformanceReport): string {
  const totals = reportCounts(report);
  const verdict = totals.failed === 0 ? 'Conforms' : 'Does not conform';
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(`${verdict}: ${report.baseUrl}/${report.servedAs}`)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>Conformance of ${escapeHtml(`${report.baseUrl}/${report.servedAs}`)}: <span class="${totals.failed === 0 ? 'passed' : 'failed'}">${verdict}</span></h1>
<p>Specification <strong>${escapeHtml(report.spec)}</strong>, points ${escapeHtml(report.points?.join(', ') ?? 'all 24')}; run at ${escapeHtml(report.startedAt.toISOString())} in ${Math.round(report.durationMs)} ms.</p>
<dl class="totals">
  <div><dt>Passed</dt><dd class="passed">${totals.passed}</dd></div>
  <div><dt>Failed</dt><dd class="failed">${totals.failed}</dd></div>
  <div><dt>Skipped</dt><dd class="skipped">${totals.skipped}</dd></div>
</dl>
${report.suites.map(suiteHtml).join('\n')}
</main>
</body>
</html>
`;
}
