import { createHash } from 'node:crypto';
import { createTestDataSource, type TestDatabase } from '@app/testing';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../data-source-factory.js';
import { ExtensionRequestRepository, MAX_REPLAYABLE_RESPONSE_BYTES, type ExtensionRequestKey } from './extension-request.repository.js';

const fingerprintOf = (body: string): string => createHash('sha256').update(body).digest('hex');
const BODY = fingerprintOf('{"data":{"consentId":"c-1"}}');
const OTHER_BODY = fingerprintOf('{"data":{"consentId":"c-2"}}');

describe('ExtensionRequestRepository', () => {
  let database: TestDatabase;
  let repository: ExtensionRequestRepository;
  let keyNumber = 0;
  const newKey = (): ExtensionRequestKey => ({ spec: 'default', extension: 'pre-process-consent-creation', requestId: `req-${++keyNumber}` });

  beforeAll(async () => {
    database = await createTestDataSource();
    repository = new ExtensionRequestRepository(database.dataSource);
  });

  afterAll(async () => {
    await database.close();
  });

  it('lets the first caller claim a request and tells a resend that it is in progress', async () => {
    const key = newKey();

    expect(await repository.claim(key, BODY)).toEqual({ kind: 'claimed' });
    expect(await repository.claim(key, BODY)).toEqual({ kind: 'in-progress' });
  });

  it('replays the stored answer once the request is completed', async () => {
    const key = newKey();
    await repository.claim(key, BODY);

    expect(await repository.complete(key, 200, '{"responseId":"r-1","status":"SUCCESS"}')).toBe(true);

    expect(await repository.claim(key, BODY)).toEqual({
      kind: 'replay',
      httpStatus: 200,
      responseBody: '{"responseId":"r-1","status":"SUCCESS"}',
    });
  });

  it('reports a conflict when the same key comes with another body, pending or completed', async () => {
    const key = newKey();
    await repository.claim(key, BODY);
    expect(await repository.claim(key, OTHER_BODY)).toEqual({ kind: 'conflict' });

    await repository.complete(key, 200, '{}');
    expect(await repository.claim(key, OTHER_BODY)).toEqual({ kind: 'conflict' });
  });

  it('keeps keys apart by spec, extension and exact request id (case included)', async () => {
    const base = { spec: 'default', extension: 'validate-consent-access', requestId: 'Req-Case' };

    const results = await Promise.all([
      repository.claim(base, BODY),
      repository.claim({ ...base, requestId: 'req-case' }, BODY),
      repository.claim({ ...base, extension: 'issue-refresh-token' }, BODY),
      repository.claim({ ...base, spec: 'other' }, BODY),
    ]);

    expect(results).toEqual(Array(4).fill({ kind: 'claimed' }));
  });

  it('gives exactly one of 50 concurrent claims on one key', async () => {
    const key = newKey();

    const results = await Promise.all(Array.from({ length: 50 }, () => repository.claim(key, BODY)));

    expect(results.filter((result) => result.kind === 'claimed')).toHaveLength(1);
    expect(results.filter((result) => result.kind === 'in-progress')).toHaveLength(49);
  });

  describe('with two service instances on one database', () => {
    let secondInstance: DataSource;

    beforeAll(async () => {
      secondInstance = await createDataSource(database.databaseUrl);
    });

    afterAll(async () => {
      await secondInstance.destroy();
    });

    it('gives exactly one claim when both race on the same key', async () => {
      const other = new ExtensionRequestRepository(secondInstance);
      const key = newKey();

      const results = await Promise.all(Array.from({ length: 40 }, (_, index) => (index % 2 === 0 ? repository : other).claim(key, BODY)));

      expect(results.filter((result) => result.kind === 'claimed')).toHaveLength(1);
    });
  });

  it('lets a retry run again after a pending claim is released, but never releases an answered one', async () => {
    const key = newKey();
    await repository.claim(key, BODY);

    expect(await repository.release(key)).toBe(true);
    expect(await repository.claim(key, BODY)).toEqual({ kind: 'claimed' });

    await repository.complete(key, 400, '{"status":"ERROR"}');
    expect(await repository.release(key)).toBe(false);
    expect(await repository.claim(key, BODY)).toMatchObject({ kind: 'replay', httpStatus: 400 });
  });

  it('does not complete a request that has no pending claim', async () => {
    const key = newKey();

    expect(await repository.complete(key, 200, '{}')).toBe(false);
    await repository.claim(key, BODY);
    expect(await repository.complete(key, 200, '{"first":true}')).toBe(true);
    expect(await repository.complete(key, 200, '{"second":true}')).toBe(false);
    expect(await repository.claim(key, BODY)).toMatchObject({ responseBody: '{"first":true}' });
  });

  it('stores an answer of up to MAX_REPLAYABLE_RESPONSE_BYTES exactly, non-ASCII included, and refuses a larger one', async () => {
    const key = newKey();
    await repository.claim(key, BODY);
    const accents = '"Compte épargne – Überweisung 💷"';
    const largest = `[${accents},"${'x'.repeat(MAX_REPLAYABLE_RESPONSE_BYTES - Buffer.byteLength(accents) - 5)}"]`;
    expect(Buffer.byteLength(largest)).toBe(MAX_REPLAYABLE_RESPONSE_BYTES);

    await expect(repository.complete(key, 200, `${largest} `)).rejects.toThrow(RangeError);
    expect(await repository.complete(key, 200, largest)).toBe(true);
    expect(await repository.claim(key, BODY)).toEqual({ kind: 'replay', httpStatus: 200, responseBody: largest });
  });

  it('lets exactly one caller take over a pending claim older than the given moment', async () => {
    const key = newKey();
    await repository.claim(key, BODY);
    const staleBefore = { takeOverPendingClaimedBefore: new Date(Date.now() - 60_000) };
    expect(await repository.claim(key, BODY, staleBefore)).toEqual({ kind: 'in-progress' });

    // The instance that claimed it died an hour ago.
    await database.dataSource.query('UPDATE extension_request SET created_at = ? WHERE request_id = ?', [Date.now() - 3_600_000, key.requestId]);
    const results = await Promise.all(Array.from({ length: 10 }, () => repository.claim(key, BODY, staleBefore)));

    expect(results.filter((result) => result.kind === 'claimed')).toHaveLength(1);
    expect(results.filter((result) => result.kind === 'in-progress')).toHaveLength(9);
  });

  it('purges the records created before the cut-off', async () => {
    const key = newKey();
    await repository.claim(key, BODY);
    const before = await repository.purgeOlderThan(new Date(0));

    const purged = await repository.purgeOlderThan(new Date(Date.now() + 1_000));

    expect(before).toBe(0);
    expect(purged).toBeGreaterThanOrEqual(1);
    expect(await repository.claim(key, OTHER_BODY)).toEqual({ kind: 'claimed' });
  });

  it('refuses malformed keys and fingerprints before touching the database', async () => {
    await expect(repository.claim({ ...newKey(), requestId: 'x'.repeat(129) }, BODY)).rejects.toThrow(/requestId/);
    await expect(repository.claim({ ...newKey(), spec: '' }, BODY)).rejects.toThrow(/spec/);
    await expect(repository.claim(newKey(), BODY.toUpperCase())).rejects.toThrow(/SHA-256/);
    await expect(repository.complete(newKey(), 99, '{}')).rejects.toThrow(/status/);
  });
});
