import { IdentityServerClient } from '../simulator/identity-server-client.js';
import { IdentityServerSimulator } from '../simulator/identity-server.js';
import type { JourneyStep } from './journey.js';
import { defineJourney, formatSummary, runJourney } from './journey-runner.js';
import { expectValue } from './step-checks.js';

// The steps below never call the service, so the simulator only has to exist.
const simulator = new IdentityServerSimulator(
  new IdentityServerClient({ baseUrl: 'http://127.0.0.1:9', spec: 'default' }),
);

interface Counter {
  count: number;
}

const step = (name: string, run: (state: Counter) => string, dependsOn?: readonly string[]): JourneyStep<Counter> => ({
  name,
  ...(dependsOn === undefined ? {} : { dependsOn }),
  run: (_simulator, state) => Promise.resolve(run(state)),
});

describe('runJourney', () => {
  it('prints one line per step and skips only the steps that depend on a failure', async () => {
    const lines: string[] = [];

    const result = await runJourney(
      {
        name: 'sample',
        description: 'a sample',
        createState: () => ({ count: 0 }),
        steps: [
          step('first', (state) => `count ${(state.count += 1)}`),
          step('second', () => {
            expectValue('status', 'Authorised', 'Rejected');
            return 'unreachable';
          }),
          step('third', () => 'unreachable', ['second']),
          step('fourth', () => 'unreachable', ['third']),
          step(
            'fifth',
            () => {
              throw new Error('connect ECONNREFUSED');
            },
            ['first'],
          ),
          step('sixth', (state) => `count ${state.count}`),
        ],
      },
      simulator,
      (line) => lines.push(line),
    );

    expect(lines).toEqual([
      '✓ first — count 1',
      '✗ second — expected status "Authorised", got "Rejected"',
      '- third — skipped: "second" did not pass',
      '- fourth — skipped: "third" did not pass',
      '✗ fifth — error: connect ECONNREFUSED',
      '✓ sixth — count 1',
    ]);
    expect(result).toMatchObject({ journey: 'sample', passed: 2, failed: 2, skipped: 2, ok: false });
    expect(formatSummary(result)).toBe('FAIL sample: 2 passed, 2 failed, 2 skipped');
  });

  it('is ok when every step passes', async () => {
    const result = await runJourney(
      { name: 'tiny', description: '', createState: () => ({ count: 0 }), steps: [step('only', () => 'fine')] },
      simulator,
    );

    expect(result.ok).toBe(true);
    expect(formatSummary(result)).toBe('PASS tiny: 1 passed, 0 failed');
  });
});

describe('defineJourney', () => {
  it('refuses a dependency on a step that does not come earlier', () => {
    expect(() =>
      defineJourney<Counter>({
        name: 'bad',
        description: '',
        createState: () => ({ count: 0 }),
        steps: [step('a', () => '', ['b']), step('b', () => '')],
      }),
    ).toThrow('Step "a" of journey "bad" depends on "b", which is not an earlier step');
  });

  it('refuses two steps with the same name', () => {
    expect(() =>
      defineJourney<Counter>({
        name: 'bad',
        description: '',
        createState: () => ({ count: 0 }),
        steps: [step('a', () => ''), step('a', () => '')],
      }),
    ).toThrow('two steps named "a"');
  });
});
