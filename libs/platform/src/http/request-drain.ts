import type { IncomingMessage } from 'node:http';

/**
 * How many bytes of an over-limit body are read and thrown away before the 413 is sent: 8 times the body limit (80 MB
 * with the default 10 MB), and at least 64 MB, more than a connection's kernel buffers ever hold. Past it the answer
 * is sent at once and the connection closed. Only authenticated callers get this far (credentials are checked
 * before the body is read).
 */
export function drainLimitBytes(bodyLimitBytes: number): number {
  return Math.max(8 * bodyLimitBytes, 64 * 1024 * 1024);
}

/**
 * Reads and discards the rest of a request body, then calls `answer`, at most once. The identity server's Apache
 * HttpClient writes the whole body before it reads anything: an answer sent while it still writes, on a connection
 * closed right after, reaches it as a connection reset instead of a 413. Past `maxBytes` (or if the client stops
 * sending: the request timeout then closes the connection) the answer goes out without waiting.
 */
export function drainThenAnswer(request: IncomingMessage, maxBytes: number, answer: () => void): void {
  if (request.readableEnded || request.destroyed) {
    answer();
    return;
  }
  let drained = 0;
  let answered = false;
  const finish = (): void => {
    request.off('data', onData);
    request.off('end', finish);
    request.off('error', finish);
    request.off('close', finish);
    if (!answered) {
      answered = true;
      answer();
    }
  };
  const onData = (chunk: Buffer): void => {
    drained += chunk.length;
    if (drained > maxBytes) {
      // Stop reading: what remains in flight is lost with the connection, which the answer closes.
      request.pause();
      finish();
    }
  };
  request.on('data', onData);
  request.once('end', finish);
  request.once('error', finish);
  request.once('close', finish);
  request.resume();
}
