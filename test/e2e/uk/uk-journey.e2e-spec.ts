import { startUkTestServer, ukSimulator } from './support/uk-test-server.js';
import { UK_JOURNEY } from '@app/testing';
import type { RunningTestServer } from '../support/test-server.js';

describe('The UK journey through the identity-server simulator', () => {
  let server: RunningTestServer;
  beforeAll(async () => {
    server = await startUkTestServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('passes every step: account access, expiry, denial, signed payment, funds confirmation, VRP limits under concurrency', async () => {
    const lines: string[] = [];
    const result = await UK_JOURNEY.run(ukSimulator(server), (line) => lines.push(line));
    expect(lines.filter((line) => !line.startsWith('✓'))).toEqual([]);
    expect(result).toMatchObject({ ok: true, failed: 0, skipped: 0, passed: UK_JOURNEY.stepNames.length });
  });
});
