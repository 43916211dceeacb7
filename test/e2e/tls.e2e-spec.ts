import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SecureVersion } from 'node:tls';
import { basicAuth, startTestServer, type RunningTestServer } from './support/test-server.js';

/** One HTTPS call with a chosen TLS version range; resolves with the negotiated protocol and status. */
function httpsCall(url: string, maxVersion: SecureVersion, minVersion: SecureVersion): Promise<{ protocol: string; status: number }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: 'POST', rejectUnauthorized: false, maxVersion, minVersion, headers: { 'content-type': 'application/json', authorization: basicAuth() } },
      (res) => {
        const protocol = (res.socket as unknown as { getProtocol(): string }).getProtocol();
        res.resume();
        res.on('end', () => resolve({ protocol, status: res.statusCode ?? 0 }));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify({ requestId: 'tls-1', data: {} }));
  });
}

describe('HTTPS (contract §2.5: the identity server offers only TLS 1.2)', () => {
  let dir: string;
  let server: RunningTestServer;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'consent-ext-tls-'));
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1', '-subj', '/CN=localhost',
      '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
    server = await startTestServer({ env: { TLS_CERT_FILE: join(dir, 'cert.pem'), TLS_KEY_FILE: join(dir, 'key.pem') } });
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves HTTPS to a TLS 1.2-only client, as the identity server is', async () => {
    expect(server.baseUrl).toMatch(/^https:/);
    const result = await httpsCall(`${server.baseUrl}/default/issue-refresh-token`, 'TLSv1.2', 'TLSv1.2');
    expect(result).toEqual({ protocol: 'TLSv1.2', status: 200 });
  });

  it('refuses TLS 1.1', async () => {
    await expect(httpsCall(`${server.baseUrl}/default/issue-refresh-token`, 'TLSv1.1', 'TLSv1')).rejects.toThrow();
  });
});
