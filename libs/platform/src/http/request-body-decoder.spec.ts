import { decodeRequestBody } from './request-body-decoder.js';

describe(decodeRequestBody.name, () => {
  const latin1 = Buffer.from('{"n":"Café"}', 'latin1');
  const utf8 = Buffer.from('{"n":"Café €"}', 'utf8');

  it('reads ISO-8859-1 bytes without a charset as ISO-8859-1 in auto mode', () => {
    expect(decodeRequestBody(latin1, 'application/json', 'auto')).toBe('{"n":"Café"}');
  });
  it('reads valid UTF-8 without a charset as UTF-8 in auto mode', () => {
    expect(decodeRequestBody(utf8, 'application/json', 'auto')).toBe('{"n":"Café €"}');
  });
  it('lets an explicit charset win over the mode', () => {
    expect(decodeRequestBody(utf8, 'application/json; charset=utf-8', 'latin1')).toBe('{"n":"Café €"}');
    expect(decodeRequestBody(Buffer.from('Ã©', 'latin1'), 'application/json;charset="ISO-8859-1"', 'utf8')).toBe('Ã©');
  });
  it('forces one decoding when configured', () => {
    expect(decodeRequestBody(Buffer.from('Ã©', 'latin1'), undefined, 'latin1')).toBe('Ã©');
    expect(decodeRequestBody(latin1, undefined, 'utf8')).toBe('{"n":"Caf\uFFFD"}');
  });
  it('passes ASCII through unchanged', () => {
    expect(decodeRequestBody(Buffer.from('{"a":1}'), undefined, 'auto')).toBe('{"a":1}');
  });
});
