import { createHash } from 'node:crypto';

/**
 * The key of a usage event: SHA-256, in lower-case hex, of the request id in UTF-8. Two request ids are one event
 * exactly when they are the same characters, on both databases; MariaDB's collations would pad (`abc` = `abc `).
 * Migration 1796700000000 computes the same digest for the events written before it.
 */
export function eventKeyOf(requestId: string): string {
  return createHash('sha256').update(requestId, 'utf8').digest('hex');
}
