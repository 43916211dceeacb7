import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ConsentFactRepository } from '@app/persistence';
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

/** The key of a TPP's consent in the consent-fact table. */
function factKey(clientId: string, consentId: string): string {
  return `uae:consent:${consentKey(clientId, consentId)}`;
}

/**
 * What this service must remember about UAE consents that the identity server does not tell it: which ConsentIds a
 * TPP has used, which consents are chain roots and whose they are (BaseConsentId rules), and who revoked a consent.
 * They are consent facts (ConsentFactRepository): recorded together or not at all, idempotent per requestId and
 * shared by every instance; a fact recorded again by another request is refused, which is how a ConsentId can never
 * be created twice.
 */
@Injectable()
export class UaeConsentRegistry {
  constructor(private readonly facts: ConsentFactRepository) {}

  /** Records the facts in one transaction; false when the ConsentId (or the revocation) was already recorded. */
  record(requestId: string, clientId: string, consentId: string, facts: ConsentFacts): Promise<boolean> {
    return this.facts.record(requestId, factKey(clientId, consentId), [
      ...(facts.created ? [CREATED] : []),
      ...(facts.root ? [ROOT] : []),
      ...(facts.staged ? [STAGED] : []),
      ...(facts.decided ? [DECIDED] : []),
      ...(facts.ownerId !== undefined ? [ownerPeriod(facts.ownerId)] : []),
      ...(facts.revokedBy !== undefined ? [revokedByPeriod(facts.revokedBy)] : []),
    ]);
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
    const known = await this.facts.factsOf(factKey(clientId, consentId));
    return REVOKED_BY_CODES.find((code) => known.has(revokedByPeriod(code)));
  }

  private async has(clientId: string, consentId: string, fact: string): Promise<boolean> {
    return (await this.facts.factsOf(factKey(clientId, consentId))).has(fact);
  }
}
