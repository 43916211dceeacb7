import { startUkTestServer, ukSimulator } from './support/uk-test-server.js';
import { UK_JOURNEY, type KeyOrder } from '@app/testing';
import type { RunningTestServer } from '../support/test-server.js';

/*
 * The whole UK journey twice: as the identity server really sends bodies (keys re-ordered, so the gateway verifies
 * x-jws-signature and the service runs with its default, UK_SIGNATURE_VERIFICATION off), and where the TPP's raw body
 * reaches the service, which then verifies the signatures itself.
 */
describe.each<[string, Record<string, string | undefined>, KeyOrder]>([
  ['the default settings behind the identity server', { UK_SIGNATURE_VERIFICATION: undefined }, 'java-hash-map'],
  ['signature verification on, the raw body reaching the service', { UK_SIGNATURE_VERIFICATION: 'on' }, 'as-given'],
])('The UK journey through the identity-server simulator, %s', (_deployment, env, keyOrder) => {
  let server: RunningTestServer;
  beforeAll(async () => {
    server = await startUkTestServer(env);
  });
  afterAll(async () => {
    await server.close();
  });

  it('lists every consent point natively at GET /uk, the three file points included', async () => {
    const index = (await (await fetch(`${server.baseUrl}/uk`)).json()) as {
      nativeExtensions: string[];
      defaultedExtensions: string[];
    };
    expect(index.nativeExtensions).toEqual(
      expect.arrayContaining([
        'pre-process-consent-file-upload',
        'enrich-consent-file-response',
        'validate-consent-file-retrieval',
      ]),
    );
    expect(index.nativeExtensions).toHaveLength(13);
    expect(index.defaultedExtensions).not.toContain('pre-process-consent-file-upload');
  });

  it('passes every step', async () => {
    const lines: string[] = [];
    const result = await UK_JOURNEY.run(ukSimulator(server, keyOrder), (line) => lines.push(line));
    expect(lines.filter((line) => !line.startsWith('✓'))).toEqual([]);
    expect(result).toMatchObject({ ok: true, failed: 0, skipped: 0, passed: UK_JOURNEY.stepNames.length });
  });
});
