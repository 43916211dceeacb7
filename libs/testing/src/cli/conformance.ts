/*
 * `npm run conformance -- --base-url URL --spec uk|berlin|uae|default [--points …]`
 *
 * The conformance kit: checks any extension service as the identity server calls it and writes JUnit XML and an HTML
 * report. Runs as compiled JS (dist/libs/testing/src/cli/conformance.js), so it must never import Jest.
 */
import { reportCounts } from '../conformance/conformance-report.js';
import { runConformance } from '../conformance/conformance-runner.js';
import { writeReportFiles } from '../conformance/report-files.js';
import { JOURNEYS } from '../journeys/journey-registry.js';
import { CONFORMANCE_USAGE, parseConformanceArguments } from './conformance-arguments.js';

const EXIT_CHECK_FAILED = 1;
const EXIT_BAD_ARGUMENTS = 2;

async function main(): Promise<number> {
  const parsed = parseConformanceArguments(process.argv.slice(2), process.env, Object.keys(JOURNEYS));
  if (parsed.kind === 'help') {
    console.log(CONFORMANCE_USAGE);
    return 0;
  }
  if (parsed.kind === 'invalid') {
    console.error(`${parsed.message}\n\n${CONFORMANCE_USAGE}`);
    return EXIT_BAD_ARGUMENTS;
  }
  const options = parsed.arguments;
  console.log(
    `Conformance of ${options.baseUrl}/${options.servedAs} to "${options.spec}" (points: ${options.points?.join(', ') ?? 'all 24'})`,
  );
  const report = await runConformance({
    baseUrl: options.baseUrl,
    spec: options.spec,
    servedAs: options.servedAs,
    credentials: options.credentials,
    suites: options.suites,
    ...(options.points === undefined ? {} : { points: options.points }),
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    progress: (line) => console.log(line),
  });
  const files = await writeReportFiles(report, options.reportDir);
  const counts = reportCounts(report);
  console.log(
    `${counts.failed === 0 ? 'PASS' : 'FAIL'}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`,
  );
  console.log(`JUnit XML: ${files.junit}\nHTML report: ${files.html}`);
  return counts.failed === 0 ? 0 : EXIT_CHECK_FAILED;
}

process.exitCode = await main();
