import { EXTENSION_NAMES } from '@app/contract';
import { basicAuth, rawPost, startTestServer, type RunningTestServer } from './support/test-server.js';

describe('Health, metrics, documentation and the specification index', () => {
  let server: RunningTestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('reports health with the database and the served specifications', async () => {
    const res = await fetch(`${server.baseUrl}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      status: 'ok',
      info: {
        database: { status: 'up' },
        specifications: { status: 'up', served: ['default', 'uk', 'berlin', 'uae'] },
      },
    });
  });

  it('exposes Prometheus counters and latency histograms per specification, point and outcome', async () => {
    await rawPost(`${server.baseUrl}/default/issue-refresh-token`, JSON.stringify({ requestId: 'm-1', data: {} }));
    await rawPost(
      `${server.baseUrl}/default/issue-refresh-token`,
      JSON.stringify({ requestId: 'm-2', data: { grantType: 5 } }),
    );
    const text = await (await fetch(`${server.baseUrl}/metrics`)).text();
    expect(text).toContain(
      'extension_requests_total{spec="default",extension="issue-refresh-token",outcome="success"} 1',
    );
    expect(text).toContain(
      'extension_requests_total{spec="default",extension="issue-refresh-token",outcome="invalid"} 1',
    );
    // The +Inf bucket holds every call whatever its duration: a finite bucket would make the test depend on the load.
    expect(text).toMatch(
      /extension_request_duration_seconds_bucket\{le="\+Inf",spec="default",extension="issue-refresh-token",outcome="success"\} 1/,
    );
    expect(text).toMatch(
      /extension_request_duration_seconds_count\{spec="default",extension="issue-refresh-token",outcome="success"\} 1/,
    );
  });

  it('lists the points a specification implements natively', async () => {
    const res = await fetch(`${server.baseUrl}/default`, { headers: { authorization: basicAuth() } });
    expect(res.status).toBe(200);
    const index = (await res.json()) as {
      nativeExtensions: string[];
      defaultedExtensions: string[];
      allowedExtensions: string[];
    };
    expect(index.nativeExtensions).toEqual([...EXTENSION_NAMES]);
    expect(index.defaultedExtensions).toEqual([]);
    expect(index.allowedExtensions).toContain('populate_consent_authorize_screen');
  });

  it('answers GET on an unknown specification with 404 in the ErrorResponse shape', async () => {
    const res = await fetch(`${server.baseUrl}/unknown-spec`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({
      status: 'ERROR',
      data: { errorMessage: 'not_found', errorDescription: 'Specification "unknown-spec" is not served here' },
    });
  });

  it('serves Swagger UI and the OpenAPI document with all 24 points under /{spec}', async () => {
    const docs = await fetch(`${server.baseUrl}/docs`);
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain('swagger');
    const document = (await (await fetch(`${server.baseUrl}/openapi.json`)).json()) as {
      paths: Record<string, unknown>;
    };
    for (const name of EXTENSION_NAMES) {
      expect(document.paths).toHaveProperty([`/{spec}/${name}`, 'post']);
    }
  });
});
