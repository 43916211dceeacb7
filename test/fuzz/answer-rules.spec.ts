import { answerViolations, requestIdToEcho } from './answer-rules.js';

const request = (text: string, contentType: string | undefined = 'application/json') => ({
  extension: 'issue-refresh-token' as const,
  body: Buffer.from(text, 'latin1'),
  contentType,
});
const error = (responseId?: string) => ({
  ...(responseId === undefined ? {} : { responseId }),
  status: 'ERROR',
  data: { errorMessage: 'invalid_request', errorDescription: 'bad' },
});

describe(answerViolations.name, () => {
  const call = request('{"requestId":"r-1","data":{}}');

  it('accepts a contract answer: 200 envelope echoing the requestId, or a 400/413 ErrorResponse', () => {
    expect(
      answerViolations(call, {
        status: 200,
        text: JSON.stringify({ responseId: 'r-1', status: 'SUCCESS', data: { issueRefreshToken: false } }),
      }),
    ).toEqual([]);
    expect(answerViolations(call, { status: 400, text: JSON.stringify(error('r-1')) })).toEqual([]);
    expect(answerViolations(call, { status: 413, text: JSON.stringify(error()) })).toEqual([]);
  });

  it('flags a 500, a 401 and any other status, even with a contract body', () => {
    expect(answerViolations(call, { status: 500, text: JSON.stringify(error('r-1')) })).toEqual([
      'HTTP 500: a served point with good credentials answers only 200, 400 or 413',
    ]);
    expect(answerViolations(call, { status: 401, text: JSON.stringify(error()) })).toHaveLength(1);
    // 503 is a contract answer (a call during shutdown), but never one a fuzzed call to a running service may get.
    expect(answerViolations(call, { status: 503, text: JSON.stringify(error()) })).toEqual([
      'HTTP 503: a served point with good credentials answers only 200, 400 or 413',
    ]);
    expect(answerViolations(call, { status: 502, text: JSON.stringify(error()) }).length).toBeGreaterThan(1);
  });

  it("flags Fastify's own error body, a body that is not JSON, a wrong echo and a stack trace", () => {
    expect(
      answerViolations(call, { status: 400, text: '{"statusCode":400,"error":"Bad Request","message":"x"}' }).length,
    ).toBeGreaterThan(0);
    expect(answerViolations(call, { status: 400, text: 'Bad Request' })).toEqual([
      'the body is not JSON: "Bad Request"',
    ]);
    expect(
      answerViolations(call, {
        status: 200,
        text: JSON.stringify({ responseId: 'other', status: 'SUCCESS', data: { issueRefreshToken: false } }),
      }),
    ).toHaveLength(1);
    const leaked = {
      status: 'ERROR',
      data: { errorMessage: 'server_error', errorDescription: 'at handle (/app/dist/main.js:12:3)' },
    };
    expect(answerViolations(call, { status: 400, text: JSON.stringify(leaked) })).toHaveLength(1);
  });
});

describe(requestIdToEcho.name, () => {
  it('is the requestId of a body that parses, and nothing for one without a string requestId', () => {
    expect(requestIdToEcho(request('{"data":{},"requestId":"late"}'), undefined)).toBe('late');
    expect(requestIdToEcho(request('{"requestId":7,"data":{}}'), undefined)).toBe('');
    expect(requestIdToEcho(request('[{"requestId":"in-array"}]'), undefined)).toBe('');
  });

  it('for text that is not JSON, accepts the echo only if the text holds it as a requestId member', () => {
    expect(requestIdToEcho(request('{"requestId":"abc","data":{'), { responseId: 'abc' })).toBe('abc');
    expect(requestIdToEcho(request('{"requestId":"abc","data":{'), { responseId: 'invented' })).toBe('');
  });
});
