// The @app/testing barrel does not export the uae journey yet (the lead adds it with the journey registry entry).
import { UAE_JOURNEY } from '@app/testing';
import type { RunningTestServer } from '../support/test-server.js';
import { uaeSimulator } from './support/uae-simulator.js';
import { startUaeTestServer } from './support/uae-test-specs.js';

describe('The uae journey through the identity-server simulator', () => {
  let server: RunningTestServer;
  beforeAll(async () => {
    server = await startUaeTestServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('passes every step: PAR data sharing to revocation, renewal, single payment consumed, concurrent multi-payments', async () => {
    const lines: string[] = [];
    const result = await UAE_JOURNEY.run(uaeSimulator(server), (line) => lines.push(line));
    expect(lines.filter((line) => !line.startsWith('✓'))).toEqual([]);
    expect(result).toMatchObject({ ok: true, failed: 0, skipped: 0, passed: UAE_JOURNEY.stepNames.length });
  });
});
