import { Injectable, Logger } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ExtensionName, ExtensionResponse } from '@app/contract';
import { ExtensionRequestRepository, MAX_REPLAYABLE_RESPONSE_BYTES } from '@app/persistence';
import { RequestIdReuseError, ServiceError } from '../errors/service-errors.js';

export interface IdempotencyKey {
  readonly spec: string;
  readonly extension: ExtensionName;
  readonly requestId: string;
}

/** How long a retry waits for the first attempt, still running elsewhere, before giving up. */
const IN_PROGRESS_WAIT_MS = 15_000;
const IN_PROGRESS_POLL_MS = 25;
/**
 * A claim still pending after this long belongs to an instance that died mid-call (no handler runs that long: the
 * identity server's read timeout is seconds), so a retry takes it over instead of waiting for it forever.
 */
const STALE_CLAIM_MS = 60_000;

/**
 * Makes the points whose answers the identity server stores idempotent per requestId, across restarts and across
 * instances: after a read timeout the identity server resends the same requestId (contract §2.6), and the first
 * answer must be replayed rather than recomputed. The claim is taken in the database before the handler runs, so two
 * instances receiving the same call never both run it.
 */
@Injectable()
export class IdempotencyService {
  private readonly logger = new Logger(IdempotencyService.name);

  constructor(private readonly requests: ExtensionRequestRepository) {}

  async run(key: IdempotencyKey, fingerprint: string, compute: () => Promise<ExtensionResponse>): Promise<ExtensionResponse> {
    const deadline = Date.now() + IN_PROGRESS_WAIT_MS;
    for (;;) {
      const claim = await this.requests.claim(key, fingerprint, { takeOverPendingClaimedBefore: new Date(Date.now() - STALE_CLAIM_MS) });
      switch (claim.kind) {
        case 'claimed':
          return this.computeAndRecord(key, compute);
        case 'replay':
          return JSON.parse(claim.responseBody ?? '{}') as ExtensionResponse;
        case 'conflict':
          throw new RequestIdReuseError(key.requestId);
        case 'in-progress':
          if (Date.now() > deadline) {
            throw new ServiceError(500, 'server_error', `requestId ${key.requestId} is still being processed`, key.requestId);
          }
          await sleep(IN_PROGRESS_POLL_MS);
      }
    }
  }

  private async computeAndRecord(key: IdempotencyKey, compute: () => Promise<ExtensionResponse>): Promise<ExtensionResponse> {
    let response: ExtensionResponse;
    try {
      response = await compute();
    } catch (error) {
      // A fault is not an answer: free the claim so that the identity server's retry can run the call again.
      await this.requests.release(key);
      throw error;
    }
    const body = JSON.stringify(response);
    if (Buffer.byteLength(body) > MAX_REPLAYABLE_RESPONSE_BYTES) {
      // Too large to keep: answer anyway, and let a retry recompute (the handlers are deterministic for one input).
      this.logger.warn(`requestId ${key.requestId}: answer of ${Buffer.byteLength(body)} bytes is not recorded for replay`);
      await this.requests.release(key);
      return response;
    }
    await this.requests.complete(key, 200, body);
    return response;
  }
}
