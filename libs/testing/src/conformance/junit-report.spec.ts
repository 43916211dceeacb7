import type { ConformanceReport } from './conformance-report.js';
import { renderHtmlReport } from './html-report.js';
import { escapeXml, renderJUnitReport } from './junit-report.js';

const REPORT: ConformanceReport = {
  baseUrl: 'http://127.0.0.1:3000',
  servedAs: 'uk',
  spec: 'uk',
  points: undefined,
  startedAt: new Date('2026-03-01T10:00:00.000Z'),
  durationMs: 1234,
  suites: [
    {
      name: 'transport',
      description: 'transport rules',
      cases: [
        {
          name: 'strict envelope: <consent> & "creation"',
          status: 'passed',
          detail: 'ok',
          durationMs: 12,
          exchanges: [],
        },
        {
          name: 'idempotent retry',
          status: 'failed',
          detail: 'the retry got another answer: first HTTP 200 SUCCESS, then HTTP 200 ERROR 409',
          durationMs: 30,
          exchanges: [
            {
              extension: 'pre-process-consent-creation',
              requestId: 'r-1',
              url: 'http://127.0.0.1:3000/uk/pre-process-consent-creation',
              headers: { Authorization: 'Basic (hidden)' },
              requestText: '{"requestId":"r-1","data":{}}',
              answer: {
                httpStatus: 200,
                contentType: 'application/json',
                body: { status: 'ERROR' },
                rawText: '{"status":"ERROR"}',
              },
              violations: ['responseId must echo the requestId "r-1", got nothing'],
            },
          ],
        },
        { name: 'auth', status: 'skipped', detail: 'no credentials', durationMs: 0, exchanges: [] },
      ],
    },
  ],
};

describe('The JUnit XML report', () => {
  it('escapes markup and replaces characters XML cannot hold', () => {
    expect(escapeXml(`<a href="x">'&'</a>\u0000\u001b`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;\uFFFD\uFFFD',
    );
  });

  it('has one testsuite per suite and one testcase per case, with the failure, the skip and the calls', () => {
    expect(renderJUnitReport(REPORT)).toBe(`<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="conformance of http://127.0.0.1:3000/uk" tests="3" failures="1" errors="0" skipped="1" time="1.234">
  <testsuite name="transport" tests="3" failures="1" errors="0" skipped="1" time="0.042" timestamp="2026-03-01T10:00:00">
    <properties>
      <property name="baseUrl" value="http://127.0.0.1:3000"/>
      <property name="servedAs" value="uk"/>
      <property name="spec" value="uk"/>
      <property name="points" value="all"/>
    </properties>
    <testcase classname="conformance.uk.transport" name="strict envelope: &lt;consent&gt; &amp; &quot;creation&quot;" time="0.012">
    </testcase>
    <testcase classname="conformance.uk.transport" name="idempotent retry" time="0.030">
      <failure message="the retry got another answer: first HTTP 200 SUCCESS, then HTTP 200 ERROR 409" type="ContractViolation">the retry got another answer: first HTTP 200 SUCCESS, then HTTP 200 ERROR 409</failure>
      <system-out>POST http://127.0.0.1:3000/uk/pre-process-consent-creation requestId=r-1 → HTTP 200 ERROR, violates the contract: responseId must echo the requestId &quot;r-1&quot;, got nothing</system-out>
    </testcase>
    <testcase classname="conformance.uk.transport" name="auth" time="0.000">
      <skipped message="no credentials"/>
    </testcase>
  </testsuite>
</testsuites>
`);
  });
});

describe('The HTML report', () => {
  const html = renderHtmlReport(REPORT);

  it('states the verdict in words and counts the cases', () => {
    expect(html).toContain('<title>Does not conform: http://127.0.0.1:3000/uk</title>');
    expect(html).toContain('<caption>1 passed, 1 failed, 1 skipped</caption>');
  });

  it('opens the calls of a failed case, with the request, the answer and the verdict', () => {
    expect(html).toContain(
      '<details open><summary>1 call</summary><h4>Call 1: pre-process-consent-creation <small>requestId r-1</small></h4>',
    );
    expect(html).toContain('<li>responseId must echo the requestId &quot;r-1&quot;, got nothing</li>');
    expect(html).toContain('<pre>Authorization: Basic (hidden)</pre>');
  });

  it('escapes what the service said', () => {
    expect(html).toContain('strict envelope: &lt;consent&gt; &amp; &quot;creation&quot;');
    expect(html).not.toContain('<consent>');
  });
});
