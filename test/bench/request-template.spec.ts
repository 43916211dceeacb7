import {
  perRequestValueOf,
  RequestTemplate,
  RequestTemplateError,
  requestIdSequence,
  RotatingTemplate,
} from './request-template.js';

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
    expect(() => new RequestTemplate('/p', latin1('{"requestId":"other","data":{}}'), ORIGINAL_ID)).toThrow(
      RequestTemplateError,
    );
    const twice = latin1(`{"requestId":"${ORIGINAL_ID}","data":{"echo":"${ORIGINAL_ID}"}}`);
    expect(() => new RequestTemplate('/p', twice, ORIGINAL_ID)).toThrow('must contain its requestId');
  });

  it('refuses an id that would need JSON escaping', () => {
    const template = new RequestTemplate('/p', body, ORIGINAL_ID);
    expect(() => template.withRequestId('a"b')).toThrow(RequestTemplateError);
  });
});

describe('RequestTemplate with per-request values', () => {
  const body = latin1(`{"requestId":"${ORIGINAL_ID}","data":{"headers":{"x-idempotency-key":"key-1"},"body":"x"}}`);

  it('gives every per-request value one derived from the fresh id', () => {
    const template = new RequestTemplate('/uk/validate-consent-access', body, ORIGINAL_ID, ['key-1']);
    expect(template.withRequestId('bench-7').toString('latin1')).toBe(
      `{"requestId":"bench-7","data":{"headers":{"x-idempotency-key":"${perRequestValueOf('bench-7')}"},"body":"x"}}`,
    );
    expect(template.withRequestId('bench-8').toString('latin1')).toContain(
      `"x-idempotency-key":"${perRequestValueOf('bench-8')}"`,
    );
    expect(template.byteLength).toBe(body.length - ORIGINAL_ID.length - 'key-1'.length);
    // The template without per-request values is byte for byte what it was.
    expect(new RequestTemplate('/p', body, ORIGINAL_ID).withRequestId('r').toString('latin1')).toContain(
      '"x-idempotency-key":"key-1"',
    );
  });

  it('finds a value placed before the requestId', () => {
    const before = latin1(`{"key":"k-0","requestId":"${ORIGINAL_ID}"}`);
    expect(new RequestTemplate('/p', before, ORIGINAL_ID, ['k-0']).withRequestId('r-1').toString('latin1')).toBe(
      `{"key":"${perRequestValueOf('r-1')}","requestId":"r-1"}`,
    );
  });

  it('refuses a per-request value that is missing or repeated', () => {
    expect(() => new RequestTemplate('/p', body, ORIGINAL_ID, ['key-2'])).toThrow('per-request value key-2');
    const twice = latin1(`{"requestId":"${ORIGINAL_ID}","a":"k","b":"k"}`);
    expect(() => new RequestTemplate('/p', twice, ORIGINAL_ID, ['k'])).toThrow(RequestTemplateError);
  });
});

describe('RotatingTemplate', () => {
  const bodyOf = (consentId: string) => latin1(`{"requestId":"id-${consentId}","data":{"consentId":"${consentId}"}}`);

  it('sends its bodies in turn, each with the fresh id', () => {
    const rotating = new RotatingTemplate(
      ['c-1', 'c-2'].map(
        (consentId) => new RequestTemplate('/berlin/validate-consent-access', bodyOf(consentId), `id-${consentId}`),
      ),
    );
    const sent = ['r-1', 'r-2', 'r-3'].map((id) => rotating.withRequestId(id).toString('latin1'));
    expect(sent).toEqual([
      '{"requestId":"r-1","data":{"consentId":"c-1"}}',
      '{"requestId":"r-2","data":{"consentId":"c-2"}}',
      '{"requestId":"r-3","data":{"consentId":"c-1"}}',
    ]);
    expect(rotating.path).toBe('/berlin/validate-consent-access');
  });

  it('refuses no body, or bodies of different paths', () => {
    expect(() => new RotatingTemplate([])).toThrow(RequestTemplateError);
    expect(
      () =>
        new RotatingTemplate([
          new RequestTemplate('/a', bodyOf('c-1'), 'id-c-1'),
          new RequestTemplate('/b', bodyOf('c-2'), 'id-c-2'),
        ]),
    ).toThrow('share one path');
  });
});

describe('perRequestValueOf', () => {
  it('fits an x-idempotency-key (at most 40 characters, no whitespace) even for the longest bench ids', () => {
    const longest = `bench-warmup-${ORIGINAL_ID}-123456789`;
    expect(perRequestValueOf(longest)).toMatch(/^[0-9a-f]{32}$/);
  });

  it('is the same for one id and differs between ids', () => {
    expect(perRequestValueOf('bench-x-1')).toBe(perRequestValueOf('bench-x-1'));
    const values = new Set(Array.from({ length: 10_000 }, (_, index) => perRequestValueOf(`bench-x-${index}`)));
    expect(values.size).toBe(10_000);
  });
});

describe('requestIdSequence', () => {
  it('numbers the ids of one load under its prefix', () => {
    const next = requestIdSequence('bench-abc');
    expect([next(), next(), next()]).toEqual(['bench-abc-1', 'bench-abc-2', 'bench-abc-3']);
  });
});
