import { createServiceLogger } from './service-logger.js';

describe(createServiceLogger.name, () => {
  const capture = () => {
    const lines: string[] = [];
    const logger = createServiceLogger('trace', { write: (line: string) => void lines.push(line) });
    return { logger, lines };
  };

  it('censors the raw request bytes that Node attaches to a parser error', () => {
    const { logger, lines } = capture();
    const rawPacket = Buffer.from('POST / HTTP/1.1\r\nAuthorization: Basic c2VjcmV0\r\n\r\n{"name":"Zoë"}');
    logger.trace(
      { err: Object.assign(new Error('Parse Error'), { code: 'HPE_INVALID_METHOD', rawPacket }) },
      'client error',
    );
    logger.debug({ error: { rawPacket } }, 'another shape');

    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[0])).toMatchObject({ err: { code: 'HPE_INVALID_METHOD', rawPacket: '[redacted]' } });
    expect(JSON.parse(lines[1])).toMatchObject({ error: { rawPacket: '[redacted]' } });
  });

  it('censors credentials and cookies in logged headers', () => {
    const { logger, lines } = capture();
    logger.info({ req: { headers: { authorization: 'Basic c2VjcmV0', cookie: 'commonAuthId=1' } } }, 'request');
    expect(JSON.parse(lines[0])).toMatchObject({
      req: { headers: { authorization: '[redacted]', cookie: '[redacted]' } },
    });
  });
});
