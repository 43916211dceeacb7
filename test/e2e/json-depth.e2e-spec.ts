import { checkExtensionResponse } from '@app/testing';
import { rawPost, startTestServer, type RunningTestServer } from './support/test-server.js';

/** `{"a":{"a":…}}` nested `levels` deep, with a string at the bottom. */
function nestedObject(levels: number): string {
  return `${'{"a":'.repeat(levels)}"bottom"${'}'.repeat(levels)}`;
}

/** `[[[…]]]` nested `levels` deep. */
function nestedArray(levels: number): string {
  return `${'['.repeat(levels)}${']'.repeat(levels)}`;
}

const persistBody = (requestId: string, extra: string): string =>
  `{"requestId":"${requestId}","data":{"consentId":"c-1","isApproved":true,"extra":${extra},` +
  `"consentResource":{"id":"c-1","type":"accounts","status":"AwaitingAuthorisation","receipt":{},"authorizations":[]},` +
  `"userGrantedData":{"userId":"psu@wso2.com","authorizedResources":{"approval":"true","authorizedData":[]}}}}`;

describe('Over-deep JSON is refused before any recursive code runs', () => {
  const logLines: string[] = [];
  let server: RunningTestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { LOG_LEVEL: 'info', EXTENSION_MAX_JSON_DEPTH: '64' }, logLines });
  });
  afterAll(async () => {
    await server.close();
  });

  const depthError = (requestId: string | undefined) => ({
    ...(requestId === undefined ? {} : { responseId: requestId }),
    status: 'ERROR',
    data: {
      errorMessage: 'invalid_request',
      errorDescription: 'The request body nests JSON deeper than 64 levels (EXTENSION_MAX_JSON_DEPTH)',
    },
  });

  it.each([
    ['objects 10,000 levels deep, at a recorded point', 'persist-authorized-consent', nestedObject(10_000)],
    ['arrays 6,000 levels deep, at a recorded point', 'persist-authorized-consent', nestedArray(6_000)],
    ['objects 10,000 levels deep, at a point that records nothing', 'validate-consent-access', nestedObject(10_000)],
  ])('answers %s with 400 naming the limit', async (_label, point, extra) => {
    const requestId = `deep-${point}-${extra.length}`;
    const res = await rawPost(`${server.baseUrl}/default/${point}`, persistBody(requestId, extra));
    expect(res.status).toBe(400);
    expect(res.json).toEqual(depthError(requestId));
  });

  it('refuses a whole body that is only nesting, without a requestId to echo', async () => {
    const res = await rawPost(`${server.baseUrl}/default/persist-authorized-consent`, nestedArray(10_000));
    expect(res.status).toBe(400);
    expect(res.json).toEqual(depthError(undefined));
    expect(checkExtensionResponse('persist-authorized-consent', '', res.status, res.json)).toEqual([]);
  });

  it('echoes only the requestId of the outermost object, never one nested inside data', async () => {
    const inner = `{"requestId":"outer-1","data":{"list":[{"requestId":"inner-1"}],"deep":${nestedArray(100)}}}`;
    const res = await rawPost(`${server.baseUrl}/default/persist-authorized-consent`, inner);
    expect(res.json).toEqual(depthError('outer-1'));
    const nestedOnly = `{"data":{"requestId":"inner-2","deep":${nestedArray(100)}}}`;
    const other = await rawPost(`${server.baseUrl}/default/persist-authorized-consent`, nestedOnly);
    expect(other.status).toBe(400);
    expect(other.json).toEqual(depthError(undefined));
  });

  it('does not count brackets inside strings, and accepts a body exactly at the limit', async () => {
    // data (2) + extra (3) + 61 more levels = 64: the deepest value allowed.
    const inStrings = `"${'{['.repeat(5_000)}"`;
    const atLimit = `${nestedObject(61)}`;
    const res = await rawPost(
      `${server.baseUrl}/default/validate-consent-access`,
      persistBody('at-limit', `[${inStrings},${atLimit}]`),
    );
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ responseId: 'at-limit' });
    const over = await rawPost(
      `${server.baseUrl}/default/validate-consent-access`,
      persistBody('over-limit', `[${inStrings},${nestedObject(62)}]`),
    );
    expect(over.status).toBe(400);
    expect(over.json).toEqual(depthError('over-limit'));
  });

  it('logs no fault and no stack trace for them', () => {
    const everything = logLines.join('\n');
    expect(everything).not.toContain('Maximum call stack');
    expect(everything).not.toContain('Unexpected fault');
  });
});
