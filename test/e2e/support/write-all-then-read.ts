import { once } from 'node:events';
import { connect } from 'node:net';

export interface WriteAllThenReadResult {
  /** Everything the service sent, or '' when the connection was reset before anything could be read. */
  readonly received: string;
  /** The error the writes or reads ended with (EPIPE, ECONNRESET), if any. */
  readonly error: string | undefined;
  readonly bytesWritten: number;
}

const CHUNK = 64 * 1024;

/**
 * A client like the identity server's Apache HttpClient: it writes the request line, the headers and the WHOLE body
 * (respecting back-pressure) before it reads anything, then reads until the connection closes.
 */
export async function writeAllThenRead(
  port: number,
  head: string,
  bodyBytes: number,
  chunked = false,
): Promise<WriteAllThenReadResult> {
  const socket = connect(port, '127.0.0.1');
  await once(socket, 'connect');
  socket.pause();
  let error: string | undefined;
  socket.on('error', (failure: NodeJS.ErrnoException) => {
    error ??= failure.code ?? failure.message;
  });
  // Not events.once: it rejects on 'error', and a refused write is an outcome here, not a failure of the helper.
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  const drained = () => new Promise<void>((resolve) => socket.once('drain', () => resolve()));
  let bytesWritten = 0;
  const write = async (data: string | Buffer): Promise<void> => {
    if (!socket.writable) {
      return;
    }
    if (!socket.write(data)) {
      await Promise.race([drained(), closed]);
    }
  };
  await write(head);
  const chunk = Buffer.alloc(CHUNK, 0x78);
  for (let sent = 0; sent < bodyBytes && socket.writable; sent += CHUNK) {
    const part = chunk.subarray(0, Math.min(CHUNK, bodyBytes - sent));
    await write(
      chunked ? Buffer.concat([Buffer.from(`${part.length.toString(16)}\r\n`), part, Buffer.from('\r\n')]) : part,
    );
    bytesWritten += part.length;
  }
  if (chunked) {
    await write('0\r\n\r\n');
  }
  // Only now read, as the identity server does.
  const chunks: Buffer[] = [];
  socket.on('data', (data: Buffer) => chunks.push(data));
  socket.resume();
  await closed;
  return { received: Buffer.concat(chunks).toString('latin1'), error, bytesWritten };
}
