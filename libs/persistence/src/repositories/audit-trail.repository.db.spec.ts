import { createTestDataSource, type TestDatabase } from '@app/testing';
import { AuditTrailRepository, type AuditRecordInput } from './audit-trail.repository.js';

describe('AuditTrailRepository', () => {
  let database: TestDatabase;
  let repository: AuditTrailRepository;
  const record = (overrides: Partial<AuditRecordInput> = {}): AuditRecordInput => ({
    requestId: 'req-1',
    spec: 'default',
    extension: 'validate-consent-access',
    consentId: 'consent-1',
    outcome: 'SUCCESS',
    durationMs: 12.4,
    ...overrides,
  });

  beforeAll(async () => {
    database = await createTestDataSource();
    repository = new AuditTrailRepository(database.dataSource);
  });

  afterAll(async () => {
    await database.close();
  });

  it('stores a batch and lists the calls about one consent, oldest first', async () => {
    await repository.insertMany([
      record({ requestId: 'req-b', consentId: 'consent-a', createdAt: new Date('2025-11-21T10:00:02.000Z') }),
      record({ requestId: 'req-x', consentId: 'consent-other' }),
      record({ requestId: 'req-a', consentId: 'consent-a', createdAt: new Date('2025-11-21T10:00:01.000Z') }),
      record({
        requestId: 'req-c',
        consentId: 'consent-a',
        outcome: 'ERROR',
        errorCode: 403,
        createdAt: new Date('2025-11-21T10:00:03.000Z'),
      }),
      record({ requestId: 'req-none', consentId: null }),
    ]);

    const trail = await repository.findByConsent('consent-a');

    expect(trail.map(({ requestId }) => requestId)).toEqual(['req-a', 'req-b', 'req-c']);
    expect(trail[2]).toMatchObject({
      spec: 'default',
      extension: 'validate-consent-access',
      consentId: 'consent-a',
      outcome: 'ERROR',
      errorCode: 403,
      durationMs: 12,
      createdAt: new Date('2025-11-21T10:00:03.000Z'),
    });
    expect(trail[0]?.errorCode).toBeNull();
    expect(typeof trail[0]?.id).toBe('number');
  });

  it('stores batches larger than one statement holds', async () => {
    await repository.insertMany(
      Array.from({ length: 1_201 }, (_, index) => record({ requestId: `bulk-${index}`, consentId: 'consent-bulk' })),
    );

    expect(await repository.findByConsent('consent-bulk')).toHaveLength(1_201);
  });

  it('does nothing for an empty batch', async () => {
    await expect(repository.insertMany([])).resolves.toBeUndefined();
  });

  it('refuses a batch with an invalid record before writing any of it', async () => {
    const batch = [
      record({ consentId: 'consent-invalid' }),
      record({ consentId: 'consent-invalid', requestId: 'x'.repeat(129) }),
    ];

    await expect(repository.insertMany(batch)).rejects.toThrow('records[1].requestId');
    await expect(repository.insertMany([record({ outcome: 'MAYBE' as 'SUCCESS' })])).rejects.toThrow(
      'records[0].outcome',
    );
    await expect(repository.insertMany([record({ durationMs: -1 })])).rejects.toThrow('records[0].durationMs');
    expect(await repository.findByConsent('consent-invalid')).toEqual([]);
  });

  it('purges the records created before the cut-off', async () => {
    await repository.insertMany([
      record({ consentId: 'consent-purge', createdAt: new Date('2020-01-01T00:00:00.000Z') }),
      record({ consentId: 'consent-purge', createdAt: new Date('2030-01-01T00:00:00.000Z') }),
    ]);

    expect(await repository.purgeOlderThan(new Date('2021-01-01T00:00:00.000Z'))).toBe(1);

    expect(
      (await repository.findByConsent('consent-purge')).map(({ createdAt }) => createdAt.getUTCFullYear()),
    ).toEqual([2030]);
  });
});
