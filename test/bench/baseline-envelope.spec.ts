import { PaddingCache, paddedEnvelope } from './baseline-envelope.js';

describe('paddedEnvelope', () => {
  it('answers the service envelope padded to the requested byte size', () => {
    const text = paddedEnvelope('bench-run-7', 500);
    expect(Buffer.byteLength(text)).toBe(500);
    expect(JSON.parse(text)).toEqual({
      responseId: 'bench-run-7',
      status: 'SUCCESS',
      errorCode: 200,
      data: { padding: expect.stringMatching(/^x+$/) },
    });
  });

  it('never goes below the bare envelope', () => {
    const text = paddedEnvelope('id', 10);
    expect(JSON.parse(text)).toMatchObject({ data: { padding: '' } });
  });

  it('keeps its size whatever the length of the request id', () => {
    expect(Buffer.byteLength(paddedEnvelope('a', 300))).toBe(
      Buffer.byteLength(paddedEnvelope('a-much-longer-request-id-1234', 300)),
    );
  });
});

describe('PaddingCache', () => {
  it('builds each padding once', () => {
    const cache = new PaddingCache();
    expect(cache.get(3)).toBe('xxx');
    expect(cache.get(3)).toBe(cache.get(3));
  });
});
