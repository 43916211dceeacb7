import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { UsageCounterRepository, type UsageIncrement } from '@app/persistence';
import type { RevokedBy } from '../shared/consent-status.js';
import { REVOKED_BY_CODES } from '../shared/consent-status.js';

/** What a call establishes about a TPP's ConsentId. */
export interface ConsentFacts {
  /** The ConsentId is taken (a consent was created with it). */
  readonly created?: boolean;
  /** The consent has no BaseConsentId: it is the root of its chain. */
  readonly root?: boolean;
  /** The customer who authorised it. */
  readonly ownerId?: string;
  /** Created on the pre-initiated route (staged by a gateway), awaiting the customer's decision. */
  readonly staged?: boolean;
  /** The customer approved or denied it. */
  readonly decided?: boolean;
  readonly revokedBy?: RevokedBy;
}

/** The key of a TPP's ConsentId: ConsentIds are unique per TPP (spec-rules §C.2), and a hash bounds the length. */
export function consentKey(clientId: string, consentId: string): string {
  return createHash('sha256').update(`${clientId}\n${consentId}`).digest('hex');
}

function ownerPeriod(userId: string): string {
  return `u:${createHash('sha256').update(userId).digest('hex').slice(0, 30)}`;
}

const CREATED = 'created';
const ROOT = 'root';
const STAGED = 'staged';
const DECIDED = 'decided';
const revokedByPeriod = (code: RevokedBy): string => `rb:${code}`;

/**
 * What this service must remember about UAE consents that the identity server does not tell it: which ConsentIds a
 * TPP has used, which consents are chain roots and whose they are (BaseConsentId rules), and who revoked a consent.
 * Each fact is a counter with limit 1 in the usage-counter table, so recording is atomic, idempotent per requestId
 * and shared by every instance; a fact recorded twice under another requestId is refused, which is how a ConsentId
 * can never be created twice.
 */
@Injectable()
export class UaeConsentRegistry {
  constructor(private readonly counters: UsageCounterRepository) {}

  /** Records the facts in one transaction; false when the ConsentId (or the revocation) was already recorded. */
  async record(requestId: string, clientId: string, consentId: string, facts: ConsentFacts): Promise<boolean> {
    const counterKey = `uae:consent:${consentKey(clientId, consentId)}`;
    const fact = (periodKey: string): UsageIncrement => ({ counterKey, periodKey, amount: 1, limit: 1 });
    const increments = [
      ...(facts.created ? [fact(CREATED)] : []),
      ...(facts.root ? [fact(ROOT)] : []),
      ...(facts.staged ? [fact(STAGED)] : []),
      ...(facts.decided ? [fact(DECIDED)] : []),
      ...(facts.ownerId !== undefined ? [fact(ownerPeriod(facts.ownerId))] : []),
      ...(facts.revokedBy !== undefined ? [fact(revokedByPeriod(facts.revokedBy))] : []),
    ];
    if (increments.length === 0) {
      return true;
    }
    const result = await this.counters.consume(`${requestId}:uae-registry`, increments);
    const outcome = result.outcome === 'replayed' ? result.previous.outcome : result.outcome;
    return outcome === 'accepted';
  }

  async isUsed(clientId: string, consentId: string): Promise<boolean> {
    return this.has(clientId, consentId, CREATED);
  }

  /** Staged on the pre-initiated route and not decided yet: its request object may still be pushed. */
  async isAwaitingDecision(clientId: string, consentId: string): Promise<boolean> {
    return (await this.has(clientId, consentId, STAGED)) && !(await this.has(clientId, consentId, DECIDED));
  }

  async isRoot(clientId: string, consentId: string): Promise<boolean> {
    return this.has(clientId, consentId, ROOT);
  }

  async isOwnedBy(clientId: string, consentId: string, userId: string): Promise<boolean> {
    return this.has(clientId, consentId, ownerPeriod(userId));
  }

  async revokedBy(clientId: string, consentId: string): Promise<RevokedBy | undefined> {
    for (const code of REVOKED_BY_CODES) {
      if (await this.has(clientId, consentId, revokedByPeriod(code))) {
        return code;
      }
    }
    return undefined;
  }

  private async has(clientId: string, consentId: string, periodKey: string): Promise<boolean> {
    return (await this.counters.usedIn(`uae:consent:${consentKey(clientId, consentId)}`, periodKey)) > 0n;
  }
}
