import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { ExtensionName, ExtensionResponse } from '@app/contract';
import { loadAppConfig } from '../config/app-config.js';
import { createExtensionServer } from '../create-extension-server.js';
import { ExtensionDispatcher } from '../dispatch/extension-dispatcher.js';
import { ExtensionExceptionFilter } from '../errors/extension-exception.filter.js';
import { ExtensionController } from './extension.controller.js';

interface DispatchedCall {
  readonly spec: string;
  readonly extension: ExtensionName;
  readonly body: unknown;
}

/** Stands in for the dispatcher: records what the route hands it and answers SUCCESS. */
class RecordingDispatcher {
  readonly calls: DispatchedCall[] = [];

  dispatch(spec: string, extension: ExtensionName, body: unknown): Promise<ExtensionResponse> {
    this.calls.push({ spec, extension, body });
    return Promise.resolve({ responseId: 'r-1', status: 'SUCCESS', data: { dispatched: `${spec}/${extension}` } });
  }
}

/** The route and the filter that shapes its errors, without the registry, persistence and specifications behind them. */
@Module({})
class ExtensionRouteModule {
  static forRoot(dispatcher: RecordingDispatcher): DynamicModule {
    return {
      module: ExtensionRouteModule,
      controllers: [ExtensionController],
      providers: [
        { provide: ExtensionDispatcher, useValue: dispatcher },
        { provide: APP_FILTER, useClass: ExtensionExceptionFilter },
      ],
    };
  }
}

const USER = 'is-admin';
const PASSWORD = 'route-secret';
const AUTHORIZATION = `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`;

describe(ExtensionController.name, () => {
  let app: NestFastifyApplication;
  let dispatcher: RecordingDispatcher;

  beforeAll(async () => {
    dispatcher = new RecordingDispatcher();
    const config = loadAppConfig({
      DATABASE_URL: 'sqlite::memory:',
      SEED_DEMO_DATA: 'false',
      LOG_LEVEL: 'silent',
      EXTENSION_BASIC_USER: USER,
      EXTENSION_BASIC_PASSWORD: PASSWORD,
    });
    ({ app } = await createExtensionServer(ExtensionRouteModule.forRoot(dispatcher), config));
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });

  afterAll(async () => {
    await app.close();
  });

  beforeEach(() => {
    dispatcher.calls.length = 0;
  });

  const post = (url: string, body: unknown = { requestId: 'r-1', data: {} }, authorization = AUTHORIZATION) =>
    app.inject({
      method: 'POST',
      url,
      headers: { authorization, 'content-type': 'application/json' },
      payload: JSON.stringify(body),
    });

  const notFound = (responseId: string | undefined, path: string) => ({
    ...(responseId === undefined ? {} : { responseId }),
    status: 'ERROR',
    data: { errorMessage: 'not_found', errorDescription: `No extension endpoint at POST ${path}` },
  });

  it('hands a point of the catalogue to the dispatcher, with the specification and the body, and answers 200', async () => {
    const res = await post('/uk/validate-consent-access', { requestId: 'r-1', data: { consentId: 'c-1' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      responseId: 'r-1',
      status: 'SUCCESS',
      data: { dispatched: 'uk/validate-consent-access' },
    });
    expect(dispatcher.calls).toEqual([
      { spec: 'uk', extension: 'validate-consent-access', body: { requestId: 'r-1', data: { consentId: 'c-1' } } },
    ]);
  });

  it('dispatches every point of the catalogue, whichever specification it names', async () => {
    const res = await post('/a-spec-of-any-name/map-accelerator-error-response');
    expect(res.statusCode).toBe(200);
    expect(dispatcher.calls.map((call) => [call.spec, call.extension])).toEqual([
      ['a-spec-of-any-name', 'map-accelerator-error-response'],
    ]);
  });

  it('answers a name outside the catalogue with 404 in the ErrorResponse shape, without dispatching', async () => {
    const res = await post('/default/pre-process-consent-deletion', { requestId: 'r-7', data: {} });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.json()).toEqual(notFound('r-7', '/default/pre-process-consent-deletion'));
    expect(dispatcher.calls).toEqual([]);
  });

  it('answers an unknown name exactly as a path no route matches', async () => {
    const unknownName = await post('/default/no-such-point', { requestId: 'r-8', data: {} });
    const noRoute = await post('/default/validate-consent-access/more', { requestId: 'r-8', data: {} });
    expect([unknownName.statusCode, noRoute.statusCode]).toEqual([404, 404]);
    expect(unknownName.json()).toEqual(notFound('r-8', '/default/no-such-point'));
    expect(noRoute.json()).toEqual(notFound('r-8', '/default/validate-consent-access/more'));
  });

  it('names the path without its query string', async () => {
    const res = await post('/default/no-such-point?debug=1', { requestId: 'r-9', data: {} });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual(notFound('r-9', '/default/no-such-point'));
  });

  it('checks the name before the specification: an unknown name on an unknown specification is no endpoint', async () => {
    const res = await post('/nowhere/no-such-point', { requestId: 'r-10', data: {} });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual(notFound('r-10', '/nowhere/no-such-point'));
    expect(dispatcher.calls).toEqual([]);
  });

  it('does not take a name from the prototype of a plain object for a point', async () => {
    const res = await post('/default/constructor', { requestId: 'r-11', data: {} });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual(notFound('r-11', '/default/constructor'));
  });

  it('answers GET on a point as before the single route: 404, no endpoint for that method', async () => {
    const res = await app.inject({
      method: 'GET',
      url: '/default/validate-consent-access',
      headers: { authorization: AUTHORIZATION },
    });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({
      status: 'ERROR',
      data: {
        errorMessage: 'not_found',
        errorDescription: 'No extension endpoint at GET /default/validate-consent-access',
      },
    });
    expect(dispatcher.calls).toEqual([]);
  });

  it("refuses a name over the router's parameter limit (100) as it refuses such a specification id: 400, URL not of the service", async () => {
    const refused = {
      status: 'ERROR',
      data: { errorMessage: 'invalid_request', errorDescription: 'The request URL is not one of the service' },
    };
    const longName = await post(`/default/${'a'.repeat(101)}`);
    const longSpec = await post(`/${'a'.repeat(101)}/validate-consent-access`);
    expect([longName.statusCode, longSpec.statusCode]).toEqual([400, 400]);
    expect([longName.json(), longSpec.json()]).toEqual([refused, refused]);
    expect(dispatcher.calls).toEqual([]);
  });

  it('refuses a caller without credentials before the name is looked at', async () => {
    const known = await post(
      '/default/validate-consent-access',
      { requestId: 'r-12', data: {} },
      'Basic d3Jvbmc6d3Jvbmc=',
    );
    const unknown = await post('/default/no-such-point', { requestId: 'r-12', data: {} }, '');
    const unauthorized = {
      status: 'ERROR',
      data: {
        errorMessage: 'unauthorized',
        errorDescription: 'Missing or invalid credentials for the extension endpoint',
      },
    };
    expect([known.statusCode, unknown.statusCode]).toEqual([401, 401]);
    expect([known.json(), unknown.json()]).toEqual([unauthorized, unauthorized]);
    expect(dispatcher.calls).toEqual([]);
  });
});
