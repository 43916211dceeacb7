import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';

/*
 * Dependency health, as far as it can be checked here:
 * - `--write <file>` records the exact version of every production package the lockfile installs (what runs inside
 *   the service), one `path version` line each; `--check <file>` fails when the lockfile no longer matches the record,
 *   so that every change of a production dependency is a reviewed diff of that file;
 * - `--audit` asks the registry's advisory service (`npm audit --omit=dev`) and fails on a high or critical advisory.
 *   The registry this project's machines reach does not answer it, and no well-kept npm package carries the advisory
 *   data offline (the OSV offline packages download the database at run time): where there is no answer, the check
 *   says so and does not fail. See docs/operations/dependency-health.md.
 */

const run = promisify(execFile);
const AUDIT_TIMEOUT_MS = 60_000;

interface LockEntry {
  readonly version?: string;
  readonly dev?: boolean;
  readonly devOptional?: boolean;
  readonly link?: boolean;
}

async function productionPackages(lockfile: string): Promise<string[]> {
  const lock = JSON.parse(await readFile(lockfile, 'utf8')) as { packages?: Record<string, LockEntry> };
  const lines: string[] = [];
  for (const [path, entry] of Object.entries(lock.packages ?? {})) {
    // "" is the project itself; dev and devOptional packages are not installed by `npm ci --omit=dev` (the image).
    if (
      path === '' ||
      entry.dev === true ||
      entry.devOptional === true ||
      entry.link === true ||
      entry.version === undefined
    ) {
      continue;
    }
    lines.push(`${path.replace(/^node_modules\//, '').replaceAll('/node_modules/', ' > ')} ${entry.version}`);
  }
  return lines.sort();
}

const HEADER = [
  '# Production packages of package-lock.json (what `npm ci --omit=dev` installs), one "path version" a line.',
  '# Written by `node dist/test/chaos/dependency-health.js --write docs/operations/dependency-versions.txt`;',
  '# CI fails when the lockfile no longer matches it: update it in the commit that changes a dependency.',
];

async function audit(): Promise<number> {
  try {
    const { stdout } = await run('npm', ['audit', '--omit=dev', '--json'], {
      timeout: AUDIT_TIMEOUT_MS,
      maxBuffer: 32 * 1024 * 1024,
    });
    return reportAudit(stdout);
  } catch (error: unknown) {
    // npm audit exits 1 when it finds advisories: its JSON is then on stdout of the error.
    const stdout = typeof error === 'object' && error !== null && 'stdout' in error ? String(error.stdout) : '';
    if (stdout.includes('"vulnerabilities"')) {
      return reportAudit(stdout);
    }
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    console.log(`npm audit: no answer from the registry's advisory service (${reason.slice(0, 200)}).`);
    console.log(
      'No offline vulnerability source exists among well-kept npm packages; the versions are recorded instead (--check).',
    );
    return 0;
  }
}

function reportAudit(stdout: string): number {
  const report = JSON.parse(stdout) as { metadata?: { vulnerabilities?: Record<string, number> } };
  const counts = report.metadata?.vulnerabilities ?? {};
  console.log(
    `npm audit (production): ${Object.entries(counts)
      .map(([level, count]) => `${count} ${level}`)
      .join(', ')}`,
  );
  return (counts['high'] ?? 0) + (counts['critical'] ?? 0) > 0 ? 1 : 0;
}

async function main(argv: readonly string[]): Promise<number> {
  const lockfile = 'package-lock.json';
  let exitCode = 0;
  for (let index = 0; index < argv.length; index += 1) {
    const option = argv[index];
    if (option === '--write' || option === '--check') {
      const file = argv[index + 1];
      index += 1;
      if (file === undefined) {
        console.error(`${option} needs a file`);
        return 2;
      }
      const lines = await productionPackages(lockfile);
      if (option === '--write') {
        await writeFile(file, `${[...HEADER, ...lines].join('\n')}\n`);
        console.log(`${lines.length} production packages recorded in ${file}`);
        continue;
      }
      const recorded = (await readFile(file, 'utf8'))
        .split('\n')
        .filter((line) => line !== '' && !line.startsWith('#'));
      const added = lines.filter((line) => !recorded.includes(line));
      const removed = recorded.filter((line) => !lines.includes(line));
      if (added.length + removed.length === 0) {
        console.log(`dependency versions: the ${lines.length} production packages of ${lockfile} match ${file}`);
      } else {
        console.log(`dependency versions: ${lockfile} differs from ${file}:`);
        added.forEach((line) => console.log(`  + ${line}`));
        removed.forEach((line) => console.log(`  - ${line}`));
        exitCode = 1;
      }
    } else if (option === '--audit') {
      exitCode = Math.max(exitCode, await audit());
    } else {
      console.error(`unknown argument "${option}"; use --write <file>, --check <file>, --audit`);
      return 2;
    }
  }
  return exitCode;
}

process.exitCode = await main(process.argv.slice(2));
