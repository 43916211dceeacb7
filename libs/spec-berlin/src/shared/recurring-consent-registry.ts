import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { UsageCounterRepository } from '@app/persistence';

/*
 * §B.3: when a new recurring AIS consent is authorised, an earlier recurring consent of the same customer and TPP
 * stops. The identity server only ever shows us one consent per call, so the newest authorised one is remembered
 * here: per customer-and-TPP group, a counter holding the creation time (epoch seconds) of the newest recurring consent
 * made valid. The counter only moves up, atomically and across instances (UsageCounterRepository); a consent created
 * before that time is superseded and reads as `expired`.
 */

const PERIOD = 'newest';
const MAX_ATTEMPTS = 3;

@Injectable()
export class RecurringConsentRegistry {
  constructor(private readonly counters: UsageCounterRepository) {}

  /** The group of a customer and a TPP: a hash, so that no personal identifier is stored in the counter table. */
  groupOf(clientId: string, userId: string): string {
    return createHash('sha256').update(`${clientId}\u0000${userId}`).digest('hex');
  }

  /** Records that the consent created at `createdTime` is now the valid recurring consent of its group. */
  async register(requestId: string, group: string, createdTime: number): Promise<void> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
      const newest = Number(await this.counters.usedIn(counterKey(group), PERIOD));
      if (createdTime <= newest) {
        return;
      }
      // The limit makes a concurrent, newer registration win: this increment is refused once the counter has moved.
      const result = await this.counters.consume(`${requestId}:recurring:${attempt}`, [
        { counterKey: counterKey(group), periodKey: PERIOD, amount: createdTime - newest, limit: createdTime },
      ]);
      const outcome = result.outcome === 'replayed' ? result.previous.outcome : result.outcome;
      if (outcome === 'accepted') {
        return;
      }
    }
  }

  /** Whether a newer recurring consent of the group has been made valid since this one was created. */
  async isSuperseded(group: string | undefined, createdTime: number | undefined): Promise<boolean> {
    if (group === undefined || createdTime === undefined) {
      return false;
    }
    return createdTime < Number(await this.counters.usedIn(counterKey(group), PERIOD));
  }
}

function counterKey(group: string): string {
  return `berlin:recurring-ais:${group}`;
}
