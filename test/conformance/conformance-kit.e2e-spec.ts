import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import {
  CHECK,
  FIXTURE_BREAKS,
  FIXTURE_BREAK_NAMES,
  TRANSPORT_CHECKS,
  expectingContractBreaks,
  proveFixtureBreaks,
  renderJUnitReport,
  reportCounts,
  runConformance,
  writeReportFiles,
  type ConformanceReport,
} from '@app/testing';
import type { RunningTestServer } from '../e2e/support/test-server.js';
import { SERVICE_CREDENTIALS, startConformanceServer } from './support/conformance-server.js';

/*
 * The conformance kit proved both ways: this service passes every transport check and its journeys, and a fixture
 * that breaks one rule at a time in front of it is caught, each break by the checks named for it.
 */

interface JUnitCase {
  readonly name: string;
  readonly failure?: unknown;
  readonly skipped?: unknown;
}

/** The cases of a JUnit XML document, by suite, as a CI server reads them. */
function junitCases(xml: string): Record<string, JUnitCase[]> {
  const document = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    isArray: (name) => name === 'testsuite' || name === 'testcase',
  }).parse(xml) as {
    testsuites: { testsuite: Array<{ name: string; testcase: JUnitCase[] }> };
  };
  return Object.fromEntries(document.testsuites.testsuite.map((suite) => [suite.name, suite.testcase]));
}

/** A port nothing listens on: one the system just handed out and took back. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function failedCases(report: ConformanceReport): string[] {
  return report.suites.flatMap((suite) =>
    suite.cases.filter((entry) => entry.status === 'failed').map((entry) => `${entry.name}: ${entry.detail}`),
  );
}

describe('The conformance kit', () => {
  let server: RunningTestServer;
  beforeAll(async () => {
    server = await startConformanceServer();
  });
  afterAll(async () => {
    await server.close();
  });

  describe.each(['default', 'uk', 'berlin', 'uae'])('against this service, spec %s', (spec) => {
    let report: ConformanceReport;
    beforeAll(async () => {
      report = await runConformance({ baseUrl: server.baseUrl, spec, credentials: SERVICE_CREDENTIALS });
    }, 120_000);

    it('passes every transport check and every journey step, none skipped', () => {
      expect(failedCases(report)).toEqual([]);
      const transport = report.suites.find((suite) => suite.name === 'transport')!;
      expect(transport.cases.map((entry) => [entry.name, entry.status])).toEqual(
        TRANSPORT_CHECKS.map((check) => [check.name, 'passed']),
      );
      expect(reportCounts(report).skipped).toBe(0);
    });

    it('writes JUnit XML a CI server reads: one case per check and step, no failure', async () => {
      const files = await writeReportFiles(report, mkdtempSync(join(tmpdir(), `conformance-${spec}-`)));
      const suites = junitCases(readFileSync(files.junit, 'utf8'));
      expect(Object.keys(suites)).toEqual(['transport', `journey ${spec}`]);
      expect(suites.transport.map((entry) => entry.name)).toEqual(TRANSPORT_CHECKS.map((check) => check.name));
      expect(suites[`journey ${spec}`]).toHaveLength(report.suites[1].cases.length);
      expect(
        Object.values(suites)
          .flat()
          .filter((entry) => entry.failure !== undefined || entry.skipped !== undefined),
      ).toEqual([]);
      const html = readFileSync(files.html, 'utf8');
      expect(html).toContain(`<h1>Conformance of ${server.baseUrl}/${spec}: <span class="passed">Conforms</span></h1>`);
      // Every call of the report names its requestId, and no credential is written.
      expect(html).toContain('requestId');
      expect(html).not.toContain(
        Buffer.from(`${SERVICE_CREDENTIALS.username}:${SERVICE_CREDENTIALS.password}`).toString('base64'),
      );
      expect(html).toContain('Authorization: Basic (hidden)');
    });
  });

  it('with --points, skips the journey steps that need a point the service does not enable, and fails none', async () => {
    const report = await runConformance({
      baseUrl: server.baseUrl,
      spec: 'default',
      credentials: SERVICE_CREDENTIALS,
      points: [
        'pre-process-consent-creation',
        'enrich-consent-creation-response',
        'pre-process-consent-retrieval',
        'issue-refresh-token',
      ],
    });
    expect(failedCases(report)).toEqual([]);
    const transport = report.suites[0].cases;
    expect(transport.find((entry) => entry.name === CHECK.envelopeErrorMapping)).toMatchObject({
      status: 'skipped',
      detail: 'map-accelerator-error-response is not among the enabled points',
    });
    expect(transport.find((entry) => entry.name === CHECK.envelopeCreation)?.status).toBe('passed');
    const journey = report.suites[1].cases;
    const populate = journey.find((entry) =>
      entry.exchanges.some((exchange) => exchange.extension === 'populate-consent-authorize-screen'),
    );
    expect(populate).toMatchObject({
      status: 'skipped',
      detail: 'skipped: needs populate-consent-authorize-screen, which is not among the enabled points',
    });
    expect(journey.filter((entry) => entry.status === 'passed').length).toBeGreaterThan(0);
  });

  it('reports a service that is not there as failures, not as a crash', async () => {
    const report = await runConformance({
      baseUrl: `http://127.0.0.1:${await closedPort()}`,
      spec: 'uk',
      credentials: SERVICE_CREDENTIALS,
      suites: ['transport'],
      timeoutMs: 2000,
    });
    const envelope = report.suites[0].cases.find((entry) => entry.name === CHECK.envelopeCreation)!;
    expect(envelope.status).toBe('failed');
    expect(envelope.detail).toMatch(/^no answer: fetch failed \(.*ECONNREFUSED/);
  });

  describe('against the deliberately broken fixture', () => {
    it('passes everything through the fixture when it breaks nothing', async () => {
      const [verdict] = await proveFixtureBreaks({
        target: server.baseUrl,
        spec: 'uk',
        credentials: SERVICE_CREDENTIALS,
        modes: ['none'],
      });
      expect(failedCases(verdict.report)).toEqual([]);
      expect(verdict.found).toBe(true);
    });

    it.each(FIXTURE_BREAK_NAMES)(
      'finds the break %s with the checks named for it, in the JUnit report',
      async (mode) => {
        const [verdict] = await expectingContractBreaks(`the fixture breaks the answers on purpose (${mode})`, () =>
          proveFixtureBreaks({ target: server.baseUrl, spec: 'uk', credentials: SERVICE_CREDENTIALS, modes: [mode] }),
        );
        expect(verdict.missed).toEqual([]);
        expect(verdict.found).toBe(true);
        const failed = junitCases(renderJUnitReport(verdict.report))
          .transport.filter((entry) => entry.failure !== undefined)
          .map((entry) => entry.name);
        expect(failed).toEqual(expect.arrayContaining([...FIXTURE_BREAKS[mode].caughtBy]));
      },
    );
  });
});
