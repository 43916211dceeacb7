import { Injectable } from '@nestjs/common';
import { UsageCounterRepository } from '@app/persistence';
import { formatIsoDate } from '../shared/iso-date.js';

/*
 * The usage rules of AIS consents that must hold across every instance of the service, kept in the database through
 * UsageCounterRepository (atomic, idempotent per requestId):
 * - frequencyPerDay (§B.3): one counter per consent, account and endpoint per day;
 * - one-off consents: usable on the day of their first use only (adorsys expires them after use).
 */

export interface FrequencyUse {
  readonly requestId: string;
  readonly consentId: string;
  /** `*` for the account list. */
  readonly accountId: string;
  readonly endpoint: string;
  readonly today: number;
  readonly limit: number;
}

const FIRST_USE_PERIOD = 'first-use';

@Injectable()
export class AccessUsage {
  constructor(private readonly counters: UsageCounterRepository) {}

  /** Counts one access; false when the day's limit is already reached. A resent requestId gets the first answer. */
  async consumeFrequency(use: FrequencyUse): Promise<boolean> {
    const result = await this.counters.consume(use.requestId, [
      {
        counterKey: `berlin:frequency:${use.consentId}:${use.accountId}:${use.endpoint}`,
        periodKey: formatIsoDate(use.today),
        amount: 1,
        limit: use.limit,
      },
    ]);
    return (result.outcome === 'replayed' ? result.previous.outcome : result.outcome) === 'accepted';
  }

  /**
   * Whether a one-off consent may be used today: records today as its day of first use when it has none (the counter
   * holds that day + 1, so that 0 means "never used"), then compares.
   */
  async oneOffUsableToday(requestId: string, consentId: string, today: number): Promise<boolean> {
    const key = `berlin:one-off:${consentId}`;
    let firstUse = Number(await this.counters.usedIn(key, FIRST_USE_PERIOD));
    if (firstUse === 0) {
      // The limit makes the first writer win; a concurrent first use of another day is refused here and read below.
      await this.counters.consume(`${requestId}:first-use`, [
        { counterKey: key, periodKey: FIRST_USE_PERIOD, amount: today + 1, limit: today + 1 },
      ]);
      firstUse = Number(await this.counters.usedIn(key, FIRST_USE_PERIOD));
    }
    return firstUse === today + 1;
  }
}
