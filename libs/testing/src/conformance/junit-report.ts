import {
  countCases,
  reportCounts,
  type ConformanceCase,
  type ConformanceReport,
  type ConformanceSuite,
} from './conformance-report.js';
import { summariseExchange } from './exchange-summary.js';

/*
 * The report as JUnit XML, the format CI servers (Jenkins, GitLab, GitHub Actions reporters) show as tests: one
 * <testsuite> per suite, one <testcase> per check or journey step, <failure> and <skipped> with the reason, and the
 * calls of each case in <system-out>.
 */

// XML 1.0 allows tab, line feed, carriage return and U+0020 upwards (without the surrogates and U+FFFE/U+FFFF).
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML, '\uFFFD')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;');
}

const seconds = (ms: number): string => (ms / 1000).toFixed(3);

/** `conformance.uk.transport`: dots separate the parts, as CI servers group class names by them. */
function className(report: ConformanceReport, suite: ConformanceSuite): string {
  return ['conformance', report.servedAs, suite.name.replace(/[^A-Za-z0-9_-]+/g, '-')].join('.');
}

function testCase(report: ConformanceReport, suite: ConformanceSuite, entry: ConformanceCase): string {
  const attributes = `classname="${escapeXml(className(report, suite))}" name="${escapeXml(entry.name)}" time="${seconds(entry.durationMs)}"`;
  const calls = entry.exchanges.map(summariseExchange).join('\n');
  const output = calls === '' ? '' : `\n      <system-out>${escapeXml(calls)}</system-out>`;
  switch (entry.status) {
    case 'passed':
      return `    <testcase ${attributes}>${output}\n    </testcase>`;
    case 'skipped':
      return `    <testcase ${attributes}>\n      <skipped message="${escapeXml(entry.detail)}"/>${output}\n    </testcase>`;
    case 'failed':
      return `    <testcase ${attributes}>\n      <failure message="${escapeXml(entry.detail)}" type="ContractViolation">${escapeXml(entry.detail)}</failure>${output}\n    </testcase>`;
  }
}

export function renderJUnitReport(report: ConformanceReport): string {
  const totals = reportCounts(report);
  const suites = report.suites.map((suite) => {
    const counts = countCases(suite.cases);
    const time = suite.cases.reduce((sum, entry) => sum + entry.durationMs, 0);
    const properties = [
      ['baseUrl', report.baseUrl],
      ['servedAs', report.servedAs],
      ['spec', report.spec],
      ['points', report.points?.join(',') ?? 'all'],
    ]
      .map(([name, value]) => `      <property name="${escapeXml(name)}" value="${escapeXml(value)}"/>`)
      .join('\n');
    return [
      `  <testsuite name="${escapeXml(suite.name)}" tests="${counts.total}" failures="${counts.failed}" errors="0" skipped="${counts.skipped}" time="${seconds(time)}" timestamp="${report.startedAt.toISOString().slice(0, 19)}">`,
      `    <properties>\n${properties}\n    </properties>`,
      ...suite.cases.map((entry) => testCase(report, suite, entry)),
      '  </testsuite>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${escapeXml(`conformance of ${report.baseUrl}/${report.servedAs}`)}" tests="${totals.total}" failures="${totals.failed}" errors="0" skipped="${totals.skipped}" time="${seconds(report.durationMs)}">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}
