import { createHash } from 'node:crypto';
import { createTestDataSource, type TestDatabase } from '@app/testing';
import { revertLastMigration, runMigrations } from '../migration-runner.js';
import { requestKeyOf } from '../repositories/extension-request-key.js';
import { ExtensionRequestRepository } from '../repositories/extension-request.repository.js';

const FINGERPRINT = createHash('sha256').update('{"consentId":"c-1"}').digest('hex');
const OTHER_FINGERPRINT = createHash('sha256').update('{"consentId":"c-2"}').digest('hex');

describe('ExactRequestKeys1796600000000', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDataSource();
  });

  afterAll(async () => {
    await database.close();
  });

  /** A record as the schema before this migration stored it. */
  const insertOldRecord = (requestId: string, responseBody: string) =>
    database.dataSource.query(
      "INSERT INTO extension_request (spec, extension, request_id, fingerprint, state, http_status, response_body, created_at, completed_at) VALUES ('uk', 'persist-authorized-consent', ?, ?, 'completed', 200, ?, 1, 1)",
      [requestId, FINGERPRINT, responseBody],
    );

  it('gives the records written before it the key the repository computes, so that their retries still replay', async () => {
    expect(await revertLastMigration(database.dataSource)).toBe('BankAccountBalances1796900000000');
    expect(await revertLastMigration(database.dataSource)).toBe('ConsentFacts1796800000000');
    expect(await revertLastMigration(database.dataSource)).toBe('ExactUsageEventKeys1796700000000');
    expect(await revertLastMigration(database.dataSource)).toBe('ExactRequestKeys1796600000000');
    const requestIds = ['plain-1', 'accents-é€東-\u{1F600}', 'trailing '];
    for (const [index, requestId] of requestIds.entries()) {
      await insertOldRecord(requestId, `{"n":${index}}`);
    }

    expect(await runMigrations(database.dataSource)).toEqual([
      'ExactRequestKeys1796600000000',
      'ExactUsageEventKeys1796700000000',
      'ConsentFacts1796800000000',
      'BankAccountBalances1796900000000',
    ]);

    const rows: Array<{ request_id: string; request_key: string }> = await database.dataSource.query(
      'SELECT request_id, request_key FROM extension_request ORDER BY id',
    );
    expect(rows).toEqual(
      requestIds.map((requestId) => ({
        request_id: requestId,
        request_key: requestKeyOf({ spec: 'uk', extension: 'persist-authorized-consent', requestId }),
      })),
    );
    const repository = new ExtensionRequestRepository(database.dataSource);
    const retries = requestIds.map((requestId) => ({
      key: { spec: 'uk', extension: 'persist-authorized-consent', requestId },
      fingerprint: FINGERPRINT,
      httpStatus: 200,
      responseBody: '{"recomputed":true}',
    }));
    expect(await repository.recordAnswers(retries)).toEqual(
      requestIds.map((_, index) => ({ kind: 'replay', httpStatus: 200, responseBody: `{"n":${index}}` })),
    );
  });

  it('then keeps a request id and the same id with trailing spaces apart', async () => {
    const repository = new ExtensionRequestRepository(database.dataSource);
    const spaced = {
      key: { spec: 'uk', extension: 'persist-authorized-consent', requestId: 'plain-1  ' },
      fingerprint: OTHER_FINGERPRINT,
      httpStatus: 200,
      responseBody: '{}',
    };
    expect(await repository.recordAnswers([spaced])).toEqual([{ kind: 'recorded' }]);
  });

  it('is reverted by down(), keeping the first of the ids the old key no longer tells apart, and applied again', async () => {
    expect(await revertLastMigration(database.dataSource)).toBe('BankAccountBalances1796900000000');
    expect(await revertLastMigration(database.dataSource)).toBe('ConsentFacts1796800000000');
    expect(await revertLastMigration(database.dataSource)).toBe('ExactUsageEventKeys1796700000000');
    expect(await revertLastMigration(database.dataSource)).toBe('ExactRequestKeys1796600000000');
    const kept: Array<{ request_id: string }> = await database.dataSource.query(
      "SELECT request_id FROM extension_request WHERE request_id LIKE 'plain-1%' ORDER BY id",
    );
    // MariaDB's old unique key pads, so only the first of `plain-1` and `plain-1  ` may stay; SQLite compares exactly.
    expect(kept.map((row) => row.request_id)).toEqual(
      database.kind === 'mysql' ? ['plain-1'] : ['plain-1', 'plain-1  '],
    );
    expect(await runMigrations(database.dataSource)).toEqual([
      'ExactRequestKeys1796600000000',
      'ExactUsageEventKeys1796700000000',
      'ConsentFacts1796800000000',
      'BankAccountBalances1796900000000',
    ]);
    expect(await runMigrations(database.dataSource)).toEqual([]);
  });
});
