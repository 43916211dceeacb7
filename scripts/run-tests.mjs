#!/usr/bin/env node
// `npm test`: every suite on SQLite (the embedded default), then the suites that touch a database (`*.db.spec.ts`,
// `*.e2e-spec.ts`) again on MySQL/MariaDB when DATABASE_URL (or TEST_DATABASE_URL) is a mysql:// URL. Prints how many
// tests ran on each database and ends with one "N passed, N failed" line. Extra arguments go to Jest.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const jestArgs = process.argv.slice(2);
const mysqlUrl = [process.env.TEST_DATABASE_URL, process.env.DATABASE_URL].find((url) =>
  /^(mysql|mariadb):\/\//.test(url ?? ''),
);
const workDir = mkdtempSync(join(tmpdir(), 'consent-ext-tests-'));

function runJest(label, env, extraArgs) {
  const outputFile = join(workDir, `${label}.json`);
  const result = spawnSync(
    process.execPath,
    [
      '--experimental-vm-modules',
      'node_modules/jest/bin/jest.js',
      '--json',
      `--outputFile=${outputFile}`,
      ...extraArgs,
      ...jestArgs,
    ],
    { stdio: 'inherit', env: { ...process.env, ...env, NODE_NO_WARNINGS: '1' } },
  );
  let report;
  try {
    report = JSON.parse(readFileSync(outputFile, 'utf8'));
  } catch {
    report = {
      numPassedTests: 0,
      numFailedTests: 0,
      numPendingTests: 0,
      numTotalTestSuites: 0,
      numRuntimeErrorTestSuites: 0,
    };
  }
  return { label, exitCode: result.status ?? 1, ...report };
}

const runs = [];
const sqliteEnv = { TEST_DATABASE_URL: '', DATABASE_URL: '' };
runs.push(runJest('sqlite', sqliteEnv, []));
if (mysqlUrl) {
  runs.push(
    runJest('mysql', { TEST_DATABASE_URL: mysqlUrl, DATABASE_URL: '' }, [
      '--testPathPatterns',
      '\\.db\\.spec\\.ts$',
      '\\.e2e-spec\\.ts$',
    ]),
  );
}
rmSync(workDir, { recursive: true, force: true });

// A suite whose setup or teardown threw ("Test suite failed to run") counts no failed test, yet fails the run: it is
// said, or the summary would read 0 failed under a red run.
const brokenSuites = (run) =>
  (run.numRuntimeErrorTestSuites ?? 0) > 0 ? `, ${run.numRuntimeErrorTestSuites} failed to run` : '';

console.log('\nTests per database');
for (const run of runs) {
  const where = run.label === 'mysql' ? `MySQL/MariaDB (${mysqlUrl.replace(/\/\/[^@]*@/, '//')})` : 'SQLite';
  console.log(
    `  ${where}: ${run.numPassedTests} passed, ${run.numFailedTests} failed, ${run.numPendingTests} skipped in ${run.numTotalTestSuites} suites${brokenSuites(run)}`,
  );
}
if (!mysqlUrl) {
  console.log(
    '  MySQL/MariaDB: not run (set DATABASE_URL=mysql://user:pass@host:3306/db_test to run the database suites there too)',
  );
}
const passed = runs.reduce((sum, run) => sum + run.numPassedTests, 0);
const failed = runs.reduce((sum, run) => sum + run.numFailedTests, 0);
const suitesNotRun = runs.reduce((sum, run) => sum + (run.numRuntimeErrorTestSuites ?? 0), 0);
const broken = runs.some((run) => run.exitCode !== 0);
console.log(`${passed} passed, ${failed} failed${suitesNotRun > 0 ? `, ${suitesNotRun} suites failed to run` : ''}`);
process.exit(broken || failed > 0 ? 1 : 0);
