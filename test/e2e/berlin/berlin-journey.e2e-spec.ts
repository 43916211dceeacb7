import { IdentityServerClient, IdentityServerSimulator } from '@app/testing';
// The berlin journey files are not re-exported by @app/testing yet (barrel change requested in the report).
import { BERLIN_JOURNEY } from '@app/testing';
import { TEST_PASSWORD, TEST_USER, type RunningTestServer } from '../support/test-server.js';
import { startBerlinTestServer } from './support/berlin-test-specs.js';

describe('The berlin journey through the identity-server simulator', () => {
  let server: RunningTestServer;
  beforeAll(async () => {
    server = await startBerlinTestServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('lists its native extension points at GET /berlin', async () => {
    const response = await fetch(`${server.baseUrl}/berlin`);
    const body = (await response.json()) as { nativeExtensions: string[] };
    expect([...body.nativeExtensions].sort()).toEqual(
      [
        'enrich-consent-creation-response',
        'issue-refresh-token',
        'map-accelerator-error-response',
        'persist-authorized-consent',
        'populate-consent-authorize-screen',
        'pre-process-consent-creation',
        'pre-process-consent-file-upload',
        'pre-process-consent-retrieval',
        'pre-process-consent-revoke',
        'validate-consent-access',
        'validate-consent-file-retrieval',
      ].sort(),
    );
  });

  it('passes every step: AIS consents of every kind, frequency, expiry, deletion, payments, funds confirmation, two approvers', async () => {
    const simulator = new IdentityServerSimulator(
      new IdentityServerClient({
        baseUrl: server.baseUrl,
        spec: 'berlin',
        credentials: { kind: 'basic', username: TEST_USER, password: TEST_PASSWORD },
      }),
    );
    const lines: string[] = [];
    const result = await BERLIN_JOURNEY.run(simulator, (line) => lines.push(line));
    expect(lines.filter((line) => !line.startsWith('✓'))).toEqual([]);
    expect(result).toMatchObject({ ok: true, failed: 0, skipped: 0, passed: BERLIN_JOURNEY.stepNames.length });
  });
});
