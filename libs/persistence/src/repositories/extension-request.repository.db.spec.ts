import { createHash } from 'node:crypto';
import { createTestDataSource, type TestDatabase } from '@app/testing';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../data-source-factory.js';
import {
  ExtensionRequestRepository,
  MAX_REPLAYABLE_RESPONSE_BYTES,
  type AnswerToRecord,
  type ExtensionRequestKey,
} from './extension-request.repository.js';

const fingerprintOf = (body: string): string => createHash('sha256').update(body).digest('hex');
const BODY = fingerprintOf('{"data":{"consentId":"c-1"}}');
const OTHER_BODY = fingerprintOf('{"data":{"consentId":"c-2"}}');

describe('ExtensionRequestRepository', () => {
  let database: TestDatabase;
  let repository: ExtensionRequestRepository;
  let keyNumber = 0;
  const newKey = (): ExtensionRequestKey => ({
    spec: 'default',
    extension: 'persist-authorized-consent',
    requestId: `req-${++keyNumber}`,
  });
  const answer = (key: ExtensionRequestKey, responseBody: string, fingerprint = BODY): AnswerToRecord => ({
    key,
    fingerprint,
    httpStatus: 200,
    responseBody,
  });

  beforeAll(async () => {
    database = await createTestDataSource();
    repository = new ExtensionRequestRepository(database.dataSource);
  });

  afterAll(async () => {
    await database.close();
  });

  it('records a batch of new answers in one go', async () => {
    const keys = [newKey(), newKey(), newKey()];
    expect(await repository.recordAnswers(keys.map((key, index) => answer(key, `{"n":${index}}`)))).toEqual([
      { kind: 'recorded' },
      { kind: 'recorded' },
      { kind: 'recorded' },
    ]);
  });

  it('answers a later copy of a call with the first answer recorded', async () => {
    const key = newKey();
    await repository.recordAnswers([answer(key, '{"first":true}')]);
    expect(await repository.recordAnswers([answer(key, '{"first":false}')])).toEqual([
      { kind: 'replay', httpStatus: 200, responseBody: '{"first":true}' },
    ]);
    expect(await repository.recordAnswers([answer(key, '{"first":true}')])).toEqual([{ kind: 'recorded' }]);
  });

  it('reports a conflict when the same key comes with another body', async () => {
    const key = newKey();
    await repository.recordAnswers([answer(key, '{}')]);
    expect(await repository.recordAnswers([answer(key, '{}', OTHER_BODY)])).toEqual([{ kind: 'conflict' }]);
  });

  it('settles two copies of one call inside the same batch on the first', async () => {
    const key = newKey();
    const fresh = newKey();
    expect(
      await repository.recordAnswers([answer(key, '{"copy":1}'), answer(fresh, '{}'), answer(key, '{"copy":2}')]),
    ).toEqual([
      { kind: 'recorded' },
      { kind: 'recorded' },
      { kind: 'replay', httpStatus: 200, responseBody: '{"copy":1}' },
    ]);
  });

  it('keeps keys apart by spec, extension and exact request id (case included)', async () => {
    const key = newKey();
    await repository.recordAnswers([answer(key, '{"a":1}')]);
    const neighbours = [
      { ...key, spec: 'uk' },
      { ...key, extension: 'pre-process-consent-creation' },
      { ...key, requestId: key.requestId.toUpperCase() },
    ];
    expect(
      await repository.recordAnswers(neighbours.map((neighbour) => answer(neighbour, '{"b":2}', OTHER_BODY))),
    ).toEqual([{ kind: 'recorded' }, { kind: 'recorded' }, { kind: 'recorded' }]);
  });

  it('keeps request ids that differ only by trailing spaces apart, in one batch and across batches (MariaDB pads them)', async () => {
    const base = newKey();
    const spaced = { ...base, requestId: `${base.requestId} ` };
    expect(
      await repository.recordAnswers([answer(base, '{"bare":1}'), answer(spaced, '{"spaced":1}', OTHER_BODY)]),
    ).toEqual([{ kind: 'recorded' }, { kind: 'recorded' }]);
    const twoSpaces = { ...base, requestId: `${base.requestId}  ` };
    expect(
      await repository.recordAnswers([
        answer(spaced, '{"again":1}', OTHER_BODY),
        answer(twoSpaces, '{}'),
        answer(base, '{"again":1}'),
      ]),
    ).toEqual([
      { kind: 'replay', httpStatus: 200, responseBody: '{"spaced":1}' },
      { kind: 'recorded' },
      { kind: 'replay', httpStatus: 200, responseBody: '{"bare":1}' },
    ]);
  });

  it.each([
    ['a lone surrogate', 'id-\ud800', 'a lone UTF-16 surrogate (U+D800)'],
    ['a NUL character', 'id-\u0000', 'a NUL character (U+0000)'],
  ])(
    'refuses a request id with %s, which the database would not give back as sent',
    async (_label, requestId, what) => {
      await expect(repository.recordAnswers([answer({ ...newKey(), requestId }, '{}')])).rejects.toThrow(
        new RangeError(
          `The requestId ${JSON.stringify(requestId)} holds ${what}, which the database cannot store as sent.`,
        ),
      );
    },
  );

  describe('with two service instances on one database', () => {
    let secondInstance: DataSource;

    beforeAll(async () => {
      secondInstance = await createDataSource(database.databaseUrl);
    });

    afterAll(async () => {
      await secondInstance.destroy();
    });

    it('lets exactly one of many concurrent copies be recorded, and gives every other copy that answer', async () => {
      const other = new ExtensionRequestRepository(secondInstance);
      const key = newKey();

      const results = await Promise.all(
        Array.from({ length: 40 }, (_, index) =>
          (index % 2 === 0 ? repository : other).recordAnswers([answer(key, `{"copy":${index}}`)]),
        ),
      );

      const outcomes = results.flat();
      const recorded = outcomes.filter((outcome) => outcome.kind === 'recorded');
      expect(recorded).toHaveLength(1);
      const replayed = new Set(
        outcomes.flatMap((outcome) => (outcome.kind === 'replay' ? [outcome.responseBody] : [])),
      );
      expect(replayed.size).toBe(1);
      expect(outcomes.filter((outcome) => outcome.kind === 'replay')).toHaveLength(39);
    });
  });

  it('stores an answer of up to MAX_REPLAYABLE_RESPONSE_BYTES exactly, non-ASCII included, and refuses a larger one', async () => {
    const accents = '"é€東"';
    const largest = `[${accents},"${'x'.repeat(MAX_REPLAYABLE_RESPONSE_BYTES - Buffer.byteLength(accents) - 5)}"]`;
    expect(Buffer.byteLength(largest)).toBe(MAX_REPLAYABLE_RESPONSE_BYTES);
    const key = newKey();
    await repository.recordAnswers([answer(key, largest)]);
    expect(await repository.recordAnswers([answer(key, '"other"')])).toEqual([
      { kind: 'replay', httpStatus: 200, responseBody: largest },
    ]);
    await expect(repository.recordAnswers([answer(newKey(), `${largest} `)])).rejects.toThrow(
      /too large to be replayed/,
    );
  });

  it('purges the records created before the cut-off', async () => {
    const key = newKey();
    await repository.recordAnswers([answer(key, '{"old":true}')]);
    const before = await repository.purgeOlderThan(new Date(0));

    const purged = await repository.purgeOlderThan(new Date(Date.now() + 1_000));

    expect(before).toBe(0);
    expect(purged).toBeGreaterThanOrEqual(1);
    expect(await repository.recordAnswers([answer(key, '{"new":true}', OTHER_BODY)])).toEqual([{ kind: 'recorded' }]);
  });

  it('refuses malformed keys, fingerprints and statuses before touching the database', async () => {
    await expect(repository.recordAnswers([answer({ ...newKey(), requestId: 'x'.repeat(129) }, '{}')])).rejects.toThrow(
      /requestId/,
    );
    await expect(repository.recordAnswers([answer({ ...newKey(), spec: '' }, '{}')])).rejects.toThrow(/spec/);
    await expect(repository.recordAnswers([answer(newKey(), '{}', BODY.toUpperCase())])).rejects.toThrow(/SHA-256/);
    await expect(repository.recordAnswers([{ ...answer(newKey(), '{}'), httpStatus: 99 }])).rejects.toThrow(/status/);
  });
});
