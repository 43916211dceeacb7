import { answerSignature, classify, type Attempt } from './calls.js';
import type { WorkloadCall } from './workload.js';

describe('classify', () => {
  it('tells a served call, a refusal, a contract error and anything else apart', () => {
    expect(classify(200, '{"responseId":"r","status":"SUCCESS","data":{}}')).toBe('success');
    expect(classify(200, '{"responseId":"r","status":"ERROR","errorCode":429,"data":{}}')).toBe('refused');
    expect(
      classify(
        500,
        '{"responseId":"r","status":"ERROR","data":{"errorMessage":"server_error","errorDescription":"x"}}',
      ),
    ).toBe('fault');
    expect(classify(502, '<html>502 Bad Gateway</html>')).toBe('malformed');
    expect(classify(503, '{"statusCode":503,"error":"Service Unavailable"}')).toBe('malformed');
    expect(classify(200, '{"status":"MAYBE"}')).toBe('malformed');
  });
});

describe('answerSignature', () => {
  const call: WorkloadCall = {
    kind: 'berlin-read',
    requestId: 'r-1',
    path: '/berlin/validate-consent-access',
    body: Buffer.from('{}'),
  };
  const attempt = (text: string): Attempt => ({
    call,
    target: 'A',
    startedMs: 0,
    endedMs: 1,
    outcome: classify(200, text),
    httpStatus: 200,
    text,
  });

  it('is the exact text for a recorded point, the decision and error code for a limited one', () => {
    const first = attempt('{"responseId":"r-1","status":"ERROR","errorCode":429,"data":{"at":"12:00:01"}}');
    const again = attempt('{"responseId":"r-1","status":"ERROR","errorCode":429,"data":{"at":"12:00:02"}}');
    expect(answerSignature(first, false)).toBe(answerSignature(again, false));
    expect(answerSignature(first, true)).not.toBe(answerSignature(again, true));
    expect(answerSignature(first, false)).toBe('refused 429');
  });
});
