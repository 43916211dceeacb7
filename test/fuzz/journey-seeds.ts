import { IdentityServerClient, IdentityServerSimulator, JOURNEYS, type ExtensionCredentials } from '@app/testing';
import { RecordingProxy } from './recording-proxy.js';
import { seedFromCall, type FuzzSeed } from './seed-corpus.js';

export interface JourneySeedsResult {
  readonly seeds: FuzzSeed[];
  /** One line per journey: how it went (a failed step still leaves the calls made so far as seeds). */
  readonly summaries: string[];
}

/**
 * Runs the journey of each specification against the service through a recording proxy and keeps every extension
 * call the simulator sent, decoded as the service decodes the identity server's bytes (ISO-8859-1).
 */
export async function journeySeeds(
  baseUrl: string,
  specs: readonly string[],
  credentials: ExtensionCredentials,
): Promise<JourneySeedsResult> {
  const proxy = await RecordingProxy.start(baseUrl);
  const summaries: string[] = [];
  try {
    for (const spec of specs) {
      const journey = JOURNEYS[spec];
      if (journey === undefined) {
        summaries.push(`${spec}: no journey (the contract's examples only)`);
        continue;
      }
      const simulator = new IdentityServerSimulator(
        new IdentityServerClient({ baseUrl: proxy.baseUrl, spec, credentials }),
      );
      const result = await journey.run(simulator);
      summaries.push(`${spec}: journey ${result.passed} passed, ${result.failed} failed, ${result.skipped} skipped`);
    }
  } finally {
    await proxy.close();
  }
  const seeds: FuzzSeed[] = [];
  for (const recorded of proxy.requests) {
    const [, spec, extension] = recorded.path.split('?')[0].split('/');
    if (recorded.method !== 'POST' || spec === undefined || extension === undefined) {
      continue;
    }
    let body: unknown;
    try {
      body = JSON.parse(recorded.body.toString('latin1'));
    } catch {
      // The journeys also send malformed bodies on purpose; those are not seeds.
      continue;
    }
    const seed = seedFromCall(`journey ${spec}`, spec, extension, body);
    if (seed !== undefined) {
      seeds.push(seed);
    }
  }
  return { seeds, summaries };
}
