import { RequestTemplate, RequestTemplateError, requestIdSequence } from './request-template.js';

const ORIGINAL_ID = '0b6c4b9e-6f0f-4f4e-9d51-1a3c8f7f2b11';

function latin1(text: string): Buffer {
  return Buffer.from(text, 'latin1');
}

describe('RequestTemplate', () => {
  const body = latin1(`{"requestId":"${ORIGINAL_ID}","data":{"name":"Zoë","consentId":"c-1"}}`);

  it('puts another requestId into the exact bytes that were sent', () => {
    const template = new RequestTemplate('/default/persist-authorized-consent', body, ORIGINAL_ID);
    const rebuilt = template.withRequestId('bench-run-42');
    expect(rebuilt.toString('latin1')).toBe('{"requestId":"bench-run-42","data":{"name":"Zoë","consentId":"c-1"}}');
    // The ISO-8859-1 byte of ë is kept as one byte, as the identity server sends it.
    expect(rebuilt.includes(Buffer.from([0xeb]))).toBe(true);
    expect(template.path).toBe('/default/persist-authorized-consent');
    expect(template.byteLength).toBe(body.length - ORIGINAL_ID.length);
  });

  it('refuses a body without the id, or with it twice', () => {
    expect(() => new RequestTemplate('/p', latin1('{"requestId":"other","data":{}}'), ORIGINAL_ID)).toThrow(RequestTemplateError);
    const twice = latin1(`{"requestId":"${ORIGINAL_ID}","data":{"echo":"${ORIGINAL_ID}"}}`);
    expect(() => new RequestTemplate('/p', twice, ORIGINAL_ID)).toThrow('must contain its requestId');
  });

  it('refuses an id that would need JSON escaping', () => {
    const template = new RequestTemplate('/p', body, ORIGINAL_ID);
    expect(() => template.withRequestId('a"b')).toThrow(RequestTemplateError);
  });
});

describe('requestIdSequence', () => {
  it('numbers the ids of one load under its prefix', () => {
    const next = requestIdSequence('bench-abc');
    expect([next(), next(), next()]).toEqual(['bench-abc-1', 'bench-abc-2', 'bench-abc-3']);
  });
});
