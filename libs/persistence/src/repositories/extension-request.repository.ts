import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { databaseKindOf, type DatabaseKind } from '../sql/database-kind.js';
import {
  execute,
  integerColumn,
  nullableTextColumn,
  selectRows,
  textColumn,
  type SqlParameter,
} from '../sql/sql-rows.js';
import { SqlGateway } from '../sql/sql-gateway.js';
import { requestKeyOf, unstorableCharacterIn, type ExtensionRequestKey } from './extension-request-key.js';

export type { ExtensionRequestKey } from './extension-request-key.js';

/** An answer to keep, so that every later copy of the same call gets it again. */
export interface AnswerToRecord {
  readonly key: ExtensionRequestKey;
  /** SHA-256 (lower-case hex) of the call's data: a copy must carry the same. */
  readonly fingerprint: string;
  readonly httpStatus: number;
  readonly responseBody: string;
}

export type RecordedAnswer =
  /** This answer is the one on record (it was the first, or equal to the first). */
  | { readonly kind: 'recorded' }
  /** Another copy of the call was recorded first: send its answer instead. */
  | { readonly kind: 'replay'; readonly httpStatus: number; readonly responseBody: string }
  /** The same key was recorded for a different request body. */
  | { readonly kind: 'conflict' };

/**
 * The largest answer recorded for replay. MEDIUMTEXT holds 16 MiB on MySQL/MariaDB, but one statement must also fit
 * the server's max_allowed_packet (16 MiB by default); refusing more on SQLite too keeps the two databases alike.
 */
export const MAX_REPLAYABLE_RESPONSE_BYTES = 8 * 1024 * 1024;

const MAX_KEY_LENGTH = { spec: 32, extension: 64, requestId: 128 } as const;
const SHA256_HEX = /^[0-9a-f]{64}$/;
/** Rows per INSERT: far below both databases' limits on statement parameters. */
const ROWS_PER_STATEMENT = 200;

interface StoredAnswer {
  readonly fingerprint: string;
  readonly httpStatus: number;
  readonly responseBody: string;
}

/**
 * Idempotency records: the first answer recorded for a call is the answer to every copy of it. Answers are written
 * in batches, one multi-row INSERT that skips keys already present, so that concurrent calls share one commit; the
 * unique `request_key` (a digest of spec, extension and requestId, see requestKeyOf) decides, across any number of
 * instances, which answer came first, comparing request ids exactly on both databases.
 */
@Injectable()
export class ExtensionRequestRepository {
  private readonly gateway: SqlGateway;
  private readonly kind: DatabaseKind;

  constructor(@Inject(DataSource) dataSource: DataSource) {
    this.gateway = SqlGateway.for(dataSource);
    this.kind = databaseKindOf(dataSource);
  }

  /** Records a batch of answers; for each, says whether it is the one on record. */
  async recordAnswers(answers: readonly AnswerToRecord[]): Promise<RecordedAnswer[]> {
    const keys = answers.map((answer) => requestKeyOf(answer.key));
    const rows = answers.map((answer, index) => validRow(answer, keys[index]));
    let inserted = 0;
    for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
      const chunk = rows.slice(start, start + ROWS_PER_STATEMENT);
      // Skipping duplicates, the INSERT can run again after a Galera certification conflict without changing anything.
      inserted += await this.gateway.runRetried((runner) =>
        execute(runner, this.insertSkippingDuplicates(chunk.length), chunk.flat()),
      );
    }
    if (inserted === answers.length) {
      return answers.map(() => ({ kind: 'recorded' }));
    }
    const stored = await this.storedAnswers(keys);
    return answers.map((answer, index) => {
      const first = stored.get(keys[index]);
      if (first === undefined) {
        throw new Error(`The answer to request ${answer.key.requestId} was neither inserted nor found.`);
      }
      if (first.fingerprint !== answer.fingerprint) {
        return { kind: 'conflict' };
      }
      return first.responseBody === answer.responseBody && first.httpStatus === answer.httpStatus
        ? { kind: 'recorded' }
        : { kind: 'replay', httpStatus: first.httpStatus, responseBody: first.responseBody };
    });
  }

  /** Deletes the records created before `cutoff` and returns how many. */
  async purgeOlderThan(cutoff: Date): Promise<number> {
    return this.gateway.run((runner) =>
      execute(runner, 'DELETE FROM extension_request WHERE created_at < ?', [cutoff.getTime()]),
    );
  }

  /** An INSERT of `count` rows that leaves an existing key untouched and does not count it as changed. */
  private insertSkippingDuplicates(count: number): string {
    const values = Array.from({ length: count }, () => `(?, ?, ?, ?, ?, 'completed', ?, ?, ?, ?)`).join(', ');
    const insert = `INSERT INTO extension_request (request_key, spec, extension, request_id, fingerprint, state, http_status, response_body, created_at, completed_at) VALUES ${values}`;
    // MySQL's INSERT IGNORE would also turn other errors (truncation) into warnings; a no-op update does not.
    return this.kind === 'sqlite'
      ? `${insert} ON CONFLICT (request_key) DO NOTHING`
      : `${insert} ON DUPLICATE KEY UPDATE id = id`;
  }

  /** The stored answers of these request keys (digests), by key. */
  private async storedAnswers(keys: readonly string[]): Promise<Map<string, StoredAnswer>> {
    const found = new Map<string, StoredAnswer>();
    for (let start = 0; start < keys.length; start += ROWS_PER_STATEMENT) {
      const chunk = keys.slice(start, start + ROWS_PER_STATEMENT);
      const rows = await this.gateway.run((runner) =>
        selectRows(
          runner,
          `SELECT request_key, request_id, fingerprint, http_status, response_body FROM extension_request WHERE request_key IN (${chunk.map(() => '?').join(', ')})`,
          chunk,
        ),
      );
      for (const row of rows) {
        const responseBody = nullableTextColumn(row, 'response_body');
        if (responseBody === null) {
          throw new Error(`The record of request ${textColumn(row, 'request_id')} has no answer.`);
        }
        found.set(textColumn(row, 'request_key'), {
          fingerprint: textColumn(row, 'fingerprint'),
          httpStatus: integerColumn(row, 'http_status'),
          responseBody,
        });
      }
    }
    return found;
  }
}

function validRow(answer: AnswerToRecord, requestKey: string): SqlParameter[] {
  const { key, fingerprint, httpStatus, responseBody } = answer;
  for (const field of ['spec', 'extension', 'requestId'] as const) {
    const value = key[field];
    if (value === '' || value.length > MAX_KEY_LENGTH[field]) {
      throw new RangeError(`The ${field} of an extension request must have 1 to ${MAX_KEY_LENGTH[field]} characters.`);
    }
  }
  if (key.spec.includes('/') || key.extension.includes('/')) {
    throw new RangeError(
      'The spec and extension of an extension request must not contain "/" (it separates them in the request key).',
    );
  }
  const unstorable = unstorableCharacterIn(key.requestId);
  if (unstorable !== undefined) {
    throw new RangeError(
      `The requestId ${JSON.stringify(key.requestId)} holds ${unstorable}, which the database cannot store as sent.`,
    );
  }
  if (!SHA256_HEX.test(fingerprint)) {
    throw new RangeError('The fingerprint must be a SHA-256 digest in lower-case hex (64 characters).');
  }
  if (!Number.isInteger(httpStatus) || httpStatus < 100 || httpStatus > 599) {
    throw new RangeError(`HTTP status ${httpStatus} is not a valid status code.`);
  }
  const size = Buffer.byteLength(responseBody, 'utf8');
  if (size > MAX_REPLAYABLE_RESPONSE_BYTES) {
    throw new RangeError(
      `A response of ${size} bytes is too large to be replayed (at most ${MAX_REPLAYABLE_RESPONSE_BYTES}).`,
    );
  }
  const now = Date.now();
  return [requestKey, key.spec, key.extension, key.requestId, fingerprint, httpStatus, responseBody, now, now];
}
