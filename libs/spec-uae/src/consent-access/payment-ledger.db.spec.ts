import { randomUUID } from 'node:crypto';
import { ConsentFactRepository, createDataSource, UsageCounterRepository } from '@app/persistence';
import { createTestDataSource, type TestDatabase } from '@app/testing';
import type { DataSource } from 'typeorm';
import { UaeConsentRegistry } from '../registry/uae-consent-registry.js';
import { parseDate } from '../shared/date-time.js';
import type { PaymentControls } from '../shared/payment-controls.js';
import { PaymentLedger } from './payment-ledger.js';

const AED = (minorUnits: bigint) => ({ minorUnits, currency: 'AED' });
const TODAY = parseDate('2026-11-21')!;

/* The ledger and the registry as two service instances use them: two connections (pools) to one database. */
describe('PaymentLedger and UaeConsentRegistry across instances', () => {
  let database: TestDatabase;
  let secondConnection: DataSource;
  let instances: PaymentLedger[];
  let registries: UaeConsentRegistry[];

  beforeAll(async () => {
    database = await createTestDataSource();
    secondConnection = await createDataSource(database.databaseUrl);
    const repositories = [
      new UsageCounterRepository(database.dataSource),
      new UsageCounterRepository(secondConnection),
    ];
    instances = repositories.map((repository) => new PaymentLedger(repository));
    registries = [database.dataSource, secondConnection].map(
      (dataSource) => new UaeConsentRegistry(new ConsentFactRepository(dataSource)),
    );
  });

  afterAll(async () => {
    await secondConnection.destroy();
    await database.close();
  });

  const multi: PaymentControls = {
    kind: 'multi',
    maximumCumulativeValue: AED(20_000n),
    periodic: {
      scheduleType: 'VariableOnDemand',
      periodType: 'Day',
      periodStartDay: TODAY,
      maximumAmount: AED(10_000n),
      maximumCountPerPeriod: 50,
    },
  };

  it('never lets concurrent payments on two instances pass the cumulative value', async () => {
    const consentId = randomUUID();
    const decisions = await Promise.all(
      Array.from({ length: 12 }, (_, index) =>
        instances[index % 2].record('tpp', consentId, randomUUID(), multi, AED(3_000n), TODAY),
      ),
    );
    // 200.00 holds six payments of 30.00.
    expect(decisions.filter((decision) => decision.outcome === 'accepted')).toHaveLength(6);
    expect(await instances[1].consumption('tpp', consentId, multi, TODAY)).toEqual({
      count: 6n,
      value: 18_000n,
      countInCurrentPeriod: 6n,
      valueInCurrentPeriod: 18_000n,
    });
    expect(decisions.find((decision) => decision.outcome === 'refused')).toEqual({
      outcome: 'refused',
      code: 'Consent.FailsControlParameters',
      message: 'The payment would exceed the maximum cumulative value of payments of the consent',
    });
  });

  it('counts a payment once per x-idempotency-key, whichever instance gets the resend', async () => {
    const consentId = randomUUID();
    const single: PaymentControls = { kind: 'single', amount: AED(10_000n) };
    const key = randomUUID();
    expect(await instances[0].record('tpp', consentId, key, single, AED(10_000n), TODAY)).toEqual({
      outcome: 'accepted',
    });
    expect(await instances[1].record('tpp', consentId, key, single, AED(10_000n), TODAY)).toEqual({
      outcome: 'accepted',
    });
    expect(await instances[1].record('tpp', consentId, randomUUID(), single, AED(10_000n), TODAY)).toMatchObject({
      outcome: 'refused',
      code: 'Consent.BusinessRuleViolation',
    });
    expect(await instances[0].consumption('tpp', consentId, single, TODAY)).toEqual({ count: 1n, value: 10_000n });
  });

  it('counts a combined payment: the single payment once (its amount exactly), every other payment against the multi-payment controls', async () => {
    const consentId = randomUUID();
    const combined: PaymentControls = {
      kind: 'combined',
      single: { kind: 'single', amount: AED(50_000n) },
      multi: {
        kind: 'multi',
        maximumCumulativeCount: 2,
        periodic: {
          scheduleType: 'VariableOnDemand',
          periodType: 'Day',
          periodStartDay: TODAY,
          maximumAmount: AED(60_000n),
        },
      },
    };
    const singleKey = randomUUID();
    expect(await instances[0].record('tpp', consentId, singleKey, combined, AED(50_000n), TODAY)).toEqual({
      outcome: 'accepted',
    });
    // Its resend is the same payment; another payment of the same amount is a multi-payment.
    expect(await instances[1].record('tpp', consentId, singleKey, combined, AED(50_000n), TODAY)).toEqual({
      outcome: 'accepted',
    });
    const multiKey = randomUUID();
    expect(await instances[1].record('tpp', consentId, multiKey, combined, AED(50_000n), TODAY)).toEqual({
      outcome: 'accepted',
    });
    expect(await instances[0].record('tpp', consentId, multiKey, combined, AED(50_000n), TODAY)).toEqual({
      outcome: 'accepted',
    });
    expect(await instances[0].record('tpp', consentId, randomUUID(), combined, AED(1_000n), TODAY)).toEqual({
      outcome: 'accepted',
    });
    expect(await instances[0].record('tpp', consentId, randomUUID(), combined, AED(1_000n), TODAY)).toEqual({
      outcome: 'refused',
      code: 'Consent.FailsControlParameters',
      message: 'The maximum cumulative number of payments of the consent has been reached',
    });
    expect(await instances[1].consumption('tpp', consentId, combined, TODAY)).toEqual({
      count: 3n,
      value: 101_000n,
      countInCurrentPeriod: 2n,
      valueInCurrentPeriod: 51_000n,
    });
  });

  it('creates a ConsentId once, even when two instances persist it at the same time', async () => {
    const consentId = randomUUID();
    const outcomes = await Promise.all(
      registries.map((registry) =>
        registry.record(randomUUID(), 'tpp', consentId, { created: true, root: true, ownerId: 'psu@wso2.com' }),
      ),
    );
    expect(outcomes.filter(Boolean)).toHaveLength(1);
    expect(await registries[0].isUsed('tpp', consentId)).toBe(true);
    expect(await registries[1].isRoot('tpp', consentId)).toBe(true);
    expect(await registries[1].isOwnedBy('tpp', consentId, 'psu@wso2.com')).toBe(true);
    expect(await registries[1].isOwnedBy('tpp', consentId, 'admin@wso2.com')).toBe(false);
    expect(await registries[0].isUsed('another-tpp', consentId)).toBe(false);
  });
});
