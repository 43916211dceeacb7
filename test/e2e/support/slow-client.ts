import { connect } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

export interface SlowClientResult {
  /** Everything the service sent before it closed the connection. */
  readonly received: string;
  /** How many bytes of `request` were written before the service closed the connection. */
  readonly bytesSent: number;
}

/** Longest a slow client keeps trying; a service that holds it longer fails the test. */
const GIVE_UP_AFTER_MS = 30_000;

/**
 * A client that writes `request` (start, then the rest) one byte every `intervalMs`, as a slowloris attack does,
 * and stops at the first byte the service no longer takes (its connection closed) or when all is sent.
 */
export async function trickle(
  port: number,
  start: string,
  rest: string,
  intervalMs: number,
): Promise<SlowClientResult> {
  const socket = connect(port, '127.0.0.1');
  const chunks: Buffer[] = [];
  let closed = false;
  socket.on('data', (chunk: Buffer) => chunks.push(chunk));
  socket.on('error', () => undefined);
  const whenClosed = new Promise<void>((resolve) =>
    socket.once('close', () => {
      closed = true;
      resolve();
    }),
  );
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  socket.write(start);
  let bytesSent = Buffer.byteLength(start);
  const deadline = Date.now() + GIVE_UP_AFTER_MS;
  for (const character of rest) {
    await sleep(intervalMs);
    if (closed || Date.now() > deadline) {
      break;
    }
    socket.write(character);
    bytesSent += Buffer.byteLength(character);
  }
  if (!closed) {
    socket.destroy();
    throw new Error(
      `the service still held the connection after ${bytesSent} bytes (${Buffer.concat(chunks).toString('latin1').slice(0, 200)})`,
    );
  }
  await whenClosed;
  return { received: Buffer.concat(chunks).toString('latin1'), bytesSent };
}
