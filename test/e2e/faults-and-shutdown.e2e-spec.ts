import { rawPost, type RunningTestServer } from './support/test-server.js';
import { startTestSpecsServer } from './support/test-specs.js';

describe('Unexpected faults and graceful shutdown', () => {
  let server: RunningTestServer;
  const logged: string[] = [];
  beforeAll(async () => {
    server = await startTestSpecsServer({ env: { LOG_LEVEL: 'error' }, logLines: logged });
  });
  afterAll(async () => {
    // The last test already closed the application; only the test database is left to release.
    await server.close().catch(() => undefined);
  });

  it('answers a handler fault with a generic 500 and keeps the detail out of the body', async () => {
    const res = await rawPost(
      `${server.baseUrl}/faulty/validate-consent-access`,
      JSON.stringify({ requestId: 'fault-1', data: { consentId: 'c-9' } }),
    );
    expect(res.status).toBe(500);
    expect(res.json).toEqual({
      responseId: 'fault-1',
      status: 'ERROR',
      data: {
        errorMessage: 'server_error',
        errorDescription: 'Unexpected error while processing the extension request',
      },
    });
    expect(res.text).not.toContain('SECRET-DETAIL');
    expect(res.text).not.toMatch(/\.ts:\d+|node_modules|at /);
    const log = logged.join('');
    expect(log).toContain('requestId=fault-1');
    expect(log).toContain('SECRET-DETAIL');
  });

  it('serves the points the test specification does not implement with the default behaviour', async () => {
    const res = await rawPost(
      `${server.baseUrl}/faulty/map-accelerator-error-response`,
      JSON.stringify({
        requestId: 'map-1',
        data: { error: { code: '404', description: 'Consent not found', operation: 'consent_retrieve' } },
      }),
    );
    expect(res.json).toEqual({
      responseId: 'map-1',
      status: 'SUCCESS',
      errorCode: 404,
      data: { error: { code: '404', message: 'consent_retrieve', description: 'Consent not found' } },
    });
    const index = await (await fetch(`${server.baseUrl}/faulty`)).json();
    expect(index).toMatchObject({
      spec: 'faulty',
      nativeExtensions: ['validate-consent-access', 'issue-refresh-token'],
    });
    expect((index as { defaultedExtensions: string[] }).defaultedExtensions).toHaveLength(22);
  });

  it('finishes an in-flight call when the service shuts down, then stops listening', async () => {
    const inFlight = rawPost(
      `${server.baseUrl}/faulty/issue-refresh-token`,
      JSON.stringify({ requestId: 'slow-1', data: {} }),
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    const closing = server.app.close();
    const res = await inFlight;
    await closing;
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ responseId: 'slow-1', status: 'SUCCESS', data: { issueRefreshToken: false } });
    await expect(fetch(`${server.baseUrl}/health`)).rejects.toThrow();
  });
});
