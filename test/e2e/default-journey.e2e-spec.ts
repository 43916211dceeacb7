import { expectingContractBreaks, IdentityServerClient, IdentityServerSimulator, JOURNEYS } from '@app/testing';
import { TEST_PASSWORD, TEST_USER, type RunningTestServer } from './support/test-server.js';
import { startTestSpecsServer } from './support/test-specs.js';

describe('The default journey through the identity-server simulator', () => {
  let server: RunningTestServer;
  beforeAll(async () => {
    server = await startTestSpecsServer();
  });
  afterAll(async () => {
    await server.close();
  });

  const simulatorFor = (spec: string) =>
    new IdentityServerSimulator(
      new IdentityServerClient({
        baseUrl: server.baseUrl,
        spec,
        credentials: { kind: 'basic', username: TEST_USER, password: TEST_PASSWORD },
      }),
    );

  it('passes every step: create, enrich, retrieve, screen, persist (approve and deny), access, refresh, revoke, retries', async () => {
    const lines: string[] = [];
    const result = await JOURNEYS['default'].run(simulatorFor('default'), (line) => lines.push(line));
    expect(lines.filter((line) => !line.startsWith('✓'))).toEqual([]);
    expect(result).toMatchObject({ ok: true, failed: 0, skipped: 0, passed: JOURNEYS['default'].stepNames.length });
  });

  it('fails at the step whose answer breaks the contract, skips what depends on it, and runs the rest', async () => {
    const lines: string[] = [];
    const result = await expectingContractBreaks(
      'the broken-screen specification answers populate with a key the identity server rejects',
      () => JOURNEYS['default'].run(simulatorFor('broken-screen'), (line) => lines.push(line)),
    );
    expect(result.ok).toBe(false);
    expect(lines.find((line) => line.startsWith('✗ populate the consent screen'))).toMatch(/"message"/);
    expect(lines).toContain(
      '- persist the approval of one account — skipped: "populate the consent screen" did not pass',
    );
    expect(result.steps.find((step) => step.name === 'map an accelerator error')?.status).toBe('passed');
  });
});
