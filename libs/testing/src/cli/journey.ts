/*
 * `npm run journey -- --spec default [--base-url http://127.0.0.1:3000] [--user U --password P]`
 *
 * Runs a specification's journey against a running extension service, as the identity server would call it, and
 * prints one line per step and a summary. Exit code: 0 all passed, 1 a step failed or was skipped, 2 bad arguments.
 * Runs as compiled JS (dist/libs/testing/src/cli/journey.js), so it must never import Jest.
 */
import { JOURNEYS } from '../journeys/journey-registry.js';
import { formatSummary } from '../journeys/journey-runner.js';
import { IdentityServerClient } from '../simulator/identity-server-client.js';
import { IdentityServerSimulator } from '../simulator/identity-server.js';
import { JOURNEY_USAGE, parseJourneyArguments } from './journey-arguments.js';

const EXIT_STEP_FAILED = 1;
const EXIT_BAD_ARGUMENTS = 2;

async function main(): Promise<number> {
  const parsed = parseJourneyArguments(process.argv.slice(2), process.env, Object.keys(JOURNEYS));
  if (parsed.kind === 'help') {
    console.log(JOURNEY_USAGE);
    return 0;
  }
  if (parsed.kind === 'invalid') {
    console.error(`${parsed.message}\n\n${JOURNEY_USAGE}`);
    return EXIT_BAD_ARGUMENTS;
  }
  const { spec, servedAs, baseUrl, credentials } = parsed.arguments;
  const journey = JOURNEYS[spec];
  if (journey === undefined) {
    console.error(`No journey for spec "${spec}"`);
    return EXIT_BAD_ARGUMENTS;
  }
  console.log(`Journey "${journey.name}" against ${baseUrl}/${servedAs} (${journey.description})`);
  const simulator = new IdentityServerSimulator(new IdentityServerClient({ baseUrl, spec: servedAs, credentials }));
  const result = await journey.run(simulator, (line) => console.log(`  ${line}`));
  console.log(formatSummary(result));
  return result.ok ? 0 : EXIT_STEP_FAILED;
}

process.exitCode = await main();
