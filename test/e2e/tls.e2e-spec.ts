import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, createServer, type SecureVersion, type Server } from 'node:tls';
import { basicAuth, startTestServer, type RunningTestServer } from './support/test-server.js';

/** One HTTPS call with a chosen TLS version range; resolves with the negotiated protocol and status. */
function httpsCall(
  url: string,
  maxVersion: SecureVersion,
  minVersion: SecureVersion,
): Promise<{ protocol: string; status: number }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        rejectUnauthorized: false,
        maxVersion,
        minVersion,
        headers: { 'content-type': 'application/json', authorization: basicAuth() },
      },
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

/** How a TLS handshake ended: the protocol agreed on, or the OpenSSL error code the client saw. */
type Handshake = { readonly protocol: string | null } | { readonly error: string | undefined };

/**
 * A handshake offering exactly one TLS version. OpenSSL 3's default security level makes a client refuse TLS 1.0/1.1
 * on its own side ("no protocols available") before anything is sent; security level 0 lets it really offer the old
 * version, so that what is tested is the server's answer.
 */
function handshake(port: number, version: SecureVersion): Promise<Handshake> {
  return new Promise((resolve) => {
    const socket = connect({
      host: '127.0.0.1',
      port,
      rejectUnauthorized: false,
      minVersion: version,
      maxVersion: version,
      ciphers: 'DEFAULT@SECLEVEL=0',
    });
    socket.once('secureConnect', () => {
      const protocol = socket.getProtocol();
      socket.destroy();
      resolve({ protocol });
    });
    socket.once('error', (error: NodeJS.ErrnoException) => {
      socket.destroy();
      resolve({ error: error.code });
    });
  });
}

const portOf = (baseUrl: string): number => Number(new URL(baseUrl).port);

describe('HTTPS (contract §2.5: the identity server offers only TLS 1.2)', () => {
  let dir: string;
  let server: RunningTestServer;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'consent-ext-tls-'));
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=localhost',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    server = await startTestServer({
      env: { TLS_CERT_FILE: join(dir, 'cert.pem'), TLS_KEY_FILE: join(dir, 'key.pem') },
    });
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

  it('refuses TLS 1.1 with a protocol_version alert, and accepts the same client offering TLS 1.2', async () => {
    // The client sent TLS 1.1 and the server answered with alert 70 (protocol_version): the refusal is the server's.
    expect(await handshake(portOf(server.baseUrl), 'TLSv1.1')).toEqual({
      error: 'ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION',
    });
    // Control: the same client settings with TLS 1.2 complete the handshake with the same server.
    expect(await handshake(portOf(server.baseUrl), 'TLSv1.2')).toEqual({ protocol: 'TLSv1.2' });
  });

  it('uses a client that does offer TLS 1.1: a server that allows it completes the handshake', async () => {
    // Without this, a Node or OpenSSL that stopped offering TLS 1.1 at all would make the refusal above meaningless.
    const permissive: Server = createServer(
      {
        cert: readFileSync(join(dir, 'cert.pem')),
        key: readFileSync(join(dir, 'key.pem')),
        minVersion: 'TLSv1',
        ciphers: 'DEFAULT@SECLEVEL=0',
      },
      (socket) => {
        // The client hangs up right after the handshake; a reset seen here is expected.
        socket.on('error', () => undefined);
        socket.end();
      },
    );
    await new Promise<void>((resolve) => permissive.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = permissive.address() as { port: number };
      expect(await handshake(port, 'TLSv1.1')).toEqual({ protocol: 'TLSv1.1' });
    } finally {
      await new Promise<void>((resolve) => permissive.close(() => resolve()));
    }
  });
});
