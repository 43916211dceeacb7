import { connect } from 'node:net';

/** What came back on a raw connection: the parsed status line, headers and body, or nothing. */
export interface RawAnswer {
  /** The status of the first answer, or undefined when the server closed without one. */
  readonly status: number | undefined;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  /** Everything received, for a failure message. */
  readonly raw: string;
}

/** Longest a test waits for the server to answer and close; a server that holds the connection fails the test. */
const EXCHANGE_TIMEOUT_MS = 20_000;

function parse(raw: string): RawAnswer {
  const end = raw.indexOf('\r\n\r\n');
  if (!raw.startsWith('HTTP/') || end < 0) {
    return { status: undefined, headers: {}, body: '', raw };
  }
  const [statusLine, ...headerLines] = raw.slice(0, end).split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of headerLines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const length = Number(headers['content-length'] ?? Number.NaN);
  const rest = raw.slice(end + 4);
  return {
    status: Number(statusLine.split(' ')[1]),
    headers,
    body: Number.isNaN(length) ? rest : rest.slice(0, length),
    raw,
  };
}

/**
 * Writes bytes on a fresh TCP connection, half-closes it unless `keepWriting` says otherwise, and collects what the
 * server sends until it closes: for requests no HTTP client library would send (malformed request lines, oversized
 * headers, bodies that never come).
 */
export function rawExchange(
  port: number,
  request: string | Buffer,
  options: { readonly halfClose?: boolean } = {},
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      reject(
        new Error(
          `no close within ${EXCHANGE_TIMEOUT_MS} ms; received ${JSON.stringify(Buffer.concat(chunks).toString('latin1').slice(0, 300))}`,
        ),
      );
    }, EXCHANGE_TIMEOUT_MS);
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(parse(Buffer.concat(chunks).toString('latin1')));
    });
    socket.write(request, () => {
      if (options.halfClose ?? true) {
        socket.end();
      }
    });
  });
}
