import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type QueryRunner } from 'typeorm';
import { isUniqueViolation } from '../sql/driver-errors.js';
import { execute, integerColumn, nullableIntegerColumn, nullableTextColumn, selectRows, textColumn } from '../sql/sql-rows.js';
import { SqlGateway } from '../sql/sql-gateway.js';

/** One extension call as the identity server identifies it; a resend after a timeout carries the same key. */
export interface ExtensionRequestKey {
  readonly spec: string;
  readonly extension: string;
  readonly requestId: string;
}

export type ClaimResult =
  /** The caller owns the request: it must answer it, then `complete` (or `release` after an unexpected fault). */
  | { readonly kind: 'claimed' }
  /** Already answered: send this answer again. */
  | { readonly kind: 'replay'; readonly httpStatus: number; readonly responseBody: string }
  /** The same key was used for a different request body. */
  | { readonly kind: 'conflict' }
  /** The same request is being answered right now by another caller. */
  | { readonly kind: 'in-progress' };

export interface ClaimOptions {
  /**
   * A pending claim made before this moment is taken over: the instance that made it is presumed to have died
   * before answering, and without a takeover every resend would be "in progress" until the purge.
   */
  readonly takeOverPendingClaimedBefore?: Date;
}

/**
 * The largest answer recorded for replay. MEDIUMTEXT holds 16 MiB on MySQL/MariaDB, but one statement must also fit
 * the server's max_allowed_packet (16 MiB by default); refusing more on SQLite too keeps the two databases alike.
 */
export const MAX_REPLAYABLE_RESPONSE_BYTES = 8 * 1024 * 1024;

const MAX_KEY_LENGTH = { spec: 32, extension: 64, requestId: 128 } as const;
const SHA256_HEX = /^[0-9a-f]{64}$/;
// A claim can vanish (released) or be taken over between the INSERT that lost and the SELECT that explains why;
// a few rounds settle it unless something is badly wrong.
const MAX_CLAIM_ROUNDS = 5;

const KEY_CONDITION = 'spec = ? AND extension = ? AND request_id = ?';

/** Idempotency records: the first caller of a request id claims it, later ones learn what to answer. */
@Injectable()
export class ExtensionRequestRepository {
  private readonly gateway: SqlGateway;

  constructor(@Inject(DataSource) dataSource: DataSource) {
    this.gateway = SqlGateway.for(dataSource);
  }

  /**
   * Claims a request with a single INSERT: the unique key (spec, extension, request_id) lets exactly one of any
   * number of concurrent callers, on any number of instances, win. A loser reads the row to tell why it lost.
   */
  async claim(key: ExtensionRequestKey, fingerprint: string, options: ClaimOptions = {}): Promise<ClaimResult> {
    const keyValues = validKey(key);
    if (!SHA256_HEX.test(fingerprint)) {
      throw new RangeError('The fingerprint must be a SHA-256 digest in lower-case hex (64 characters).');
    }
    for (let round = 0; round < MAX_CLAIM_ROUNDS; round += 1) {
      if (await this.insertClaim(keyValues, fingerprint)) {
        return { kind: 'claimed' };
      }
      const existing = await this.gateway.run((runner) => findClaim(runner, keyValues));
      if (existing === undefined) {
        continue;
      }
      if (existing.fingerprint !== fingerprint) {
        return { kind: 'conflict' };
      }
      if (existing.state === 'completed') {
        if (existing.httpStatus === null || existing.responseBody === null) {
          throw new Error(`Completed extension request ${existing.id} has no stored answer.`);
        }
        return { kind: 'replay', httpStatus: existing.httpStatus, responseBody: existing.responseBody };
      }
      const staleBefore = options.takeOverPendingClaimedBefore;
      if (staleBefore === undefined || existing.createdAt >= staleBefore.getTime()) {
        return { kind: 'in-progress' };
      }
      if (await this.takeOver(existing)) {
        return { kind: 'claimed' };
      }
    }
    throw new Error(`The claim on request ${key.requestId} kept changing while it was being read; giving up.`);
  }

  /** Stores the answer of a claimed request; false when there was no pending claim (released or purged). */
  async complete(key: ExtensionRequestKey, httpStatus: number, responseBody: string): Promise<boolean> {
    const keyValues = validKey(key);
    if (!Number.isInteger(httpStatus) || httpStatus < 100 || httpStatus > 599) {
      throw new RangeError(`HTTP status ${httpStatus} is not a valid status code.`);
    }
    const size = Buffer.byteLength(responseBody, 'utf8');
    if (size > MAX_REPLAYABLE_RESPONSE_BYTES) {
      throw new RangeError(`A response of ${size} bytes is too large to be replayed (at most ${MAX_REPLAYABLE_RESPONSE_BYTES}).`);
    }
    const changed = await this.gateway.run((runner) =>
      execute(
        runner,
        `UPDATE extension_request SET state = 'completed', http_status = ?, response_body = ?, completed_at = ?
         WHERE ${KEY_CONDITION} AND state = 'pending'`,
        [httpStatus, responseBody, Date.now(), ...keyValues],
      ),
    );
    return changed === 1;
  }

  /** Forgets a pending claim after an unexpected fault, so that the identity server's retry runs again. */
  async release(key: ExtensionRequestKey): Promise<boolean> {
    const keyValues = validKey(key);
    const deleted = await this.gateway.run((runner) =>
      execute(runner, `DELETE FROM extension_request WHERE ${KEY_CONDITION} AND state = 'pending'`, keyValues),
    );
    return deleted === 1;
  }

  /** Deletes the records created before `cutoff`, answered or not, and returns how many. */
  async purgeOlderThan(cutoff: Date): Promise<number> {
    return this.gateway.run((runner) => execute(runner, 'DELETE FROM extension_request WHERE created_at < ?', [cutoff.getTime()]));
  }

  /** True when this caller inserted the claim; false when the key was already taken. */
  private async insertClaim(keyValues: readonly [string, string, string], fingerprint: string): Promise<boolean> {
    try {
      await this.gateway.run((runner) =>
        execute(
          runner,
          `INSERT INTO extension_request (spec, extension, request_id, fingerprint, state, created_at)
           VALUES (?, ?, ?, ?, 'pending', ?)`,
          [...keyValues, fingerprint, Date.now()],
        ),
      );
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) {
        return false;
      }
      throw error;
    }
  }

  /** Compare-and-set on the claim time: of several callers taking over one stale claim, one succeeds. */
  private async takeOver(existing: StoredClaim): Promise<boolean> {
    const changed = await this.gateway.run((runner) =>
      execute(runner, `UPDATE extension_request SET created_at = ? WHERE id = ? AND state = 'pending' AND created_at = ?`, [
        Date.now(),
        existing.id,
        existing.createdAt,
      ]),
    );
    return changed === 1;
  }
}

interface StoredClaim {
  readonly id: number;
  readonly fingerprint: string;
  readonly state: string;
  readonly httpStatus: number | null;
  readonly responseBody: string | null;
  readonly createdAt: number;
}

async function findClaim(runner: QueryRunner, keyValues: readonly [string, string, string]): Promise<StoredClaim | undefined> {
  const [row] = await selectRows(
    runner,
    `SELECT id, fingerprint, state, http_status, response_body, created_at FROM extension_request WHERE ${KEY_CONDITION}`,
    keyValues,
  );
  if (row === undefined) {
    return undefined;
  }
  return {
    id: integerColumn(row, 'id'),
    fingerprint: textColumn(row, 'fingerprint'),
    state: textColumn(row, 'state'),
    httpStatus: nullableIntegerColumn(row, 'http_status'),
    responseBody: nullableTextColumn(row, 'response_body'),
    createdAt: integerColumn(row, 'created_at'),
  };
}

function validKey(key: ExtensionRequestKey): [string, string, string] {
  for (const field of ['spec', 'extension', 'requestId'] as const) {
    const value = key[field];
    if (value === '' || value.length > MAX_KEY_LENGTH[field]) {
      throw new RangeError(`The ${field} of an extension request must have 1 to ${MAX_KEY_LENGTH[field]} characters.`);
    }
  }
  return [key.spec, key.extension, key.requestId];
}
