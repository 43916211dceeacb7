/*
 * The deliberately broken extension service that proves the conformance kit, as a command:
 *
 *   node dist/libs/testing/src/cli/conformance-broken-fixture.js --prove --target URL --spec uk [--user U --password P]
 *     runs the kit's transport checks through the fixture, unbroken and then once per break, writes each report under
 *     --report-dir/<break>/ and exits 0 only when the unbroken run passes and every break is found
 *   … --serve --target URL [--port N]   serves the fixture: /<break>/<spec>/<extension> breaks one rule
 *   … --list                            the breaks, the rule each breaks and the checks that must find it
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { reportCounts } from '../conformance/conformance-report.js';
import { startBrokenExtensionProxy } from '../conformance/fixture/broken-extension-proxy.js';
import { proveFixtureBreaks } from '../conformance/fixture/break-proof.js';
import { FIXTURE_BREAKS, FIXTURE_BREAK_NAMES } from '../conformance/fixture/fixture-breaks.js';
import { writeReportFiles } from '../conformance/report-files.js';
import { JOURNEYS } from '../journeys/journey-registry.js';
import type { ExtensionCredentials } from '../simulator/identity-server-client.js';

const USAGE = `Usage: node dist/libs/testing/src/cli/conformance-broken-fixture.js (--prove | --serve | --list) [options]
  --prove       run the conformance kit through the fixture, unbroken and once per break; exit 0 when every break is found
  --serve       serve the fixture until stopped: <fixture>/<break>/<spec>/<extension> is <target>/<spec>/<extension> with the break
  --list        print the breaks, the rule each breaks and the checks that must find it
  --target      the correct extension service the fixture sits in front of (default http://127.0.0.1:3000)
  --spec        with --prove: the specification it serves (default uk)
  --user, --password, --token   the credentials the target accepts (default: env EXTENSION_BASIC_USER/EXTENSION_BASIC_PASSWORD)
  --report-dir  with --prove: where each run's junit.xml and report.html go (default conformance-report/broken-fixture)
  --port        with --serve: the port (default 0, any free port)`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    strict: true,
    options: {
      prove: { type: 'boolean' },
      serve: { type: 'boolean' },
      list: { type: 'boolean' },
      target: { type: 'string', default: 'http://127.0.0.1:3000' },
      spec: { type: 'string', default: 'uk' },
      user: { type: 'string' },
      password: { type: 'string' },
      token: { type: 'string' },
      'report-dir': { type: 'string', default: join('conformance-report', 'broken-fixture') },
      port: { type: 'string', default: '0' },
    },
  });
  if (values.list === true) {
    for (const name of FIXTURE_BREAK_NAMES) {
      const broken = FIXTURE_BREAKS[name];
      console.log(
        `${name}\n  breaks:   ${broken.rule}\n  behaves:  ${broken.behaviour}\n  found by: ${broken.caughtBy.join('; ')}`,
      );
    }
    return 0;
  }
  const credentials: ExtensionCredentials =
    values.token !== undefined
      ? { kind: 'bearer', token: values.token }
      : {
          kind: 'basic',
          username: values.user ?? process.env.EXTENSION_BASIC_USER ?? '',
          password: values.password ?? process.env.EXTENSION_BASIC_PASSWORD ?? '',
        };
  if (values.serve === true) {
    const authorization =
      credentials.kind === 'bearer'
        ? `Bearer ${credentials.token}`
        : `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
    const proxy = await startBrokenExtensionProxy({ target: values.target, authorization, port: Number(values.port) });
    console.log(`Broken extension fixture in front of ${values.target}:`);
    for (const name of ['none' as const, ...FIXTURE_BREAK_NAMES]) {
      console.log(`  ${proxy.baseUrlOf(name)}`);
    }
    const stop = (): void => void proxy.close().then(() => process.exit(0));
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
    return new Promise<number>(() => undefined);
  }
  if (values.prove !== true) {
    console.error(USAGE);
    return 2;
  }
  if (JOURNEYS[values.spec] === undefined) {
    console.error(`--spec must be one of ${Object.keys(JOURNEYS).join(', ')}`);
    return 2;
  }
  console.log(`The conformance kit against the broken fixture in front of ${values.target}/${values.spec}`);
  const verdicts = await proveFixtureBreaks({
    target: values.target,
    spec: values.spec,
    credentials,
    progress: (verdict) => {
      const counts = reportCounts(verdict.report);
      const what =
        verdict.mode === 'none'
          ? 'unbroken: every check passes'
          : `${verdict.mode}: ${FIXTURE_BREAKS[verdict.mode].rule}`;
      const outcome = verdict.found ? 'found' : `NOT FOUND (${verdict.missed.join('; ')})`;
      console.log(
        `  ${verdict.found ? '✓' : '✗'} ${what} — ${outcome}; ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`,
      );
    },
  });
  for (const verdict of verdicts) {
    await writeReportFiles(verdict.report, join(values['report-dir'], verdict.mode));
  }
  const missed = verdicts.filter((verdict) => !verdict.found);
  console.log(
    missed.length === 0
      ? `PASS: the unbroken run passed and all ${verdicts.length - 1} breaks were found`
      : `FAIL: ${missed.map((verdict) => verdict.mode).join(', ')}`,
  );
  console.log(`Reports: ${join(values['report-dir'], '<break>', 'junit.xml')} and report.html`);
  return missed.length === 0 ? 0 : 1;
}

process.exitCode = await main();
