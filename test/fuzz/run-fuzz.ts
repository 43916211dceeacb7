/*
 * `npm run fuzz -- [--runs N] [--seed S] [--spec a,b] [--points p,q] [--time-limit SEC] [--replay FILE]`
 *
 * Starts the production build, records the identity-server simulator's journeys as seeds, then sends mutated calls to
 * every point of every specification asked for and checks each answer against the contract. Prints the seed first
 * and a summary line last; exit code 0 when no answer broke a rule, 1 when one did (the inputs are written to a file
 * for --replay), 2 for bad arguments.
 */
import { randomInt } from 'node:crypto';
import { checkInput, runCampaign, type Violation } from './fuzz-campaign.js';
import { FUZZ_USAGE, parseFuzzArguments, type FuzzOptions } from './fuzz-options.js';
import { formatSummary, formatViolation, readReplayInputs, writeViolations } from './fuzz-report.js';
import { runningService, startFuzzService, type FuzzedService } from './fuzz-service.js';
import { buildCorpus, fuzzTargets } from './fuzz-targets.js';
import { HttpSender } from './http-sender.js';

const EXIT_VIOLATIONS = 1;
const EXIT_BAD_ARGUMENTS = 2;
/** Violations printed in full on the terminal; the file has them all. */
const PRINTED_VIOLATIONS = 20;

const basic = (user: string, password: string): string =>
  `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}`;

async function replay(options: FuzzOptions, file: string, service: FuzzedService): Promise<number> {
  // The journeys first, so that the bank and the database hold what they held when the inputs were found (the
  // consents get new ids, though: an input about one of the original run's consents finds none).
  await buildCorpus(service.baseUrl, options.specs, service.user, service.password);
  const inputs = await readReplayInputs(file);
  const sender = new HttpSender(service.baseUrl, basic(service.user, service.password), 1);
  const violations: Violation[] = [];
  try {
    for (const input of inputs) {
      const { violation } = await checkInput(sender, input);
      if (violation !== undefined) {
        violations.push(violation);
        console.log(formatViolation(violation));
      }
    }
  } finally {
    sender.close();
  }
  console.log(`REPLAY ${file}: inputs=${inputs.length} violations=${violations.length}`);
  if (violations.length > 0 && options.outFile !== undefined) {
    await writeViolations(options.outFile, violations);
  }
  return violations.length === 0 ? 0 : EXIT_VIOLATIONS;
}

async function fuzz(options: FuzzOptions, service: FuzzedService): Promise<number> {
  const { corpus, journeySummaries } = await buildCorpus(
    service.baseUrl,
    options.specs,
    service.user,
    service.password,
  );
  journeySummaries.forEach((line) => console.log(`  ${line}`));
  const counts = Object.entries(corpus.countsBySource()).map(([source, count]) => `${source} ${count}`);
  console.log(`Seeds: ${corpus.size} (${counts.join(', ')})`);
  const targets = fuzzTargets(options.specs, options.points);
  console.log(
    `Fuzzing ${targets.length} targets (${options.specs.length} specifications x ${options.points.length} points) with ${options.runs} inputs, ${options.connections} at a time`,
  );
  const tenth = Math.max(1, Math.floor(options.runs / 10));
  const result = await runCampaign(
    {
      baseUrl: service.baseUrl,
      authorization: basic(service.user, service.password),
      corpus,
      targets,
      runs: options.runs,
      seed: options.seed,
      timeLimitMs: options.timeLimitSeconds === undefined ? undefined : options.timeLimitSeconds * 1000,
      connections: options.connections,
      bodyLimitBytes: service.bodyLimitBytes,
    },
    (sent) => {
      if (sent % tenth === 0) {
        console.log(`  ${sent} inputs sent`);
      }
    },
  );
  result.violations.slice(0, PRINTED_VIOLATIONS).forEach((violation) => console.log(formatViolation(violation)));
  if (result.violationCount > 0) {
    const file = options.outFile ?? `fuzz-violations-${options.seed}.jsonl`;
    await writeViolations(file, result.violations);
    console.log(
      `Failing inputs (the first ${result.violations.length} of ${result.violationCount}) written to ${file}: npm run fuzz -- --replay ${file}`,
    );
  }
  console.log(formatSummary(result));
  return result.violationCount === 0 ? 0 : EXIT_VIOLATIONS;
}

async function main(): Promise<number> {
  const parsed = parseFuzzArguments(process.argv.slice(2), () => randomInt(2 ** 31));
  if (parsed.kind === 'help') {
    console.log(FUZZ_USAGE);
    return 0;
  }
  if (parsed.kind === 'invalid') {
    console.error(`${parsed.message}\n\n${FUZZ_USAGE}`);
    return EXIT_BAD_ARGUMENTS;
  }
  const { options } = parsed;
  console.log(
    `Fuzz seed ${options.seed} (again: npm run fuzz -- --seed ${options.seed} --runs ${options.runs}${options.specs.length < 4 ? ` --spec ${options.specs.join(',')}` : ''})`,
  );
  const service =
    options.baseUrl === undefined
      ? await startFuzzService(options.databaseUrl)
      : runningService(options.baseUrl, process.env);
  try {
    return options.replayFile === undefined
      ? await fuzz(options, service)
      : await replay(options, options.replayFile, service);
  } finally {
    await service.stop();
  }
}

process.exitCode = await main();
