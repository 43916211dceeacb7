import { Injectable, Logger } from '@nestjs/common';
import type { ExtensionName, ExtensionResponse } from '@app/contract';
import { MAX_REPLAYABLE_RESPONSE_BYTES } from '@app/persistence';
import { RequestIdReuseError } from '../errors/service-errors.js';
import { AnswerRecorder } from './answer-recorder.js';

export interface IdempotencyKey {
  readonly spec: string;
  readonly extension: ExtensionName;
  readonly requestId: string;
}

/**
 * Makes the points whose answers the identity server stores idempotent per requestId, across restarts and across
 * instances: after a read timeout the identity server resends the same requestId (contract §2.6), and it must get the
 * first answer again. The call is answered, then the answer is recorded (in batches, see AnswerRecorder); the first
 * answer recorded for a key wins, and any other copy of the call, concurrent or later, on any instance, is sent that
 * one. This relies on handlers having no side effects of their own beyond what is idempotent per requestId (usage
 * counters count a requestId once): a copy may be computed again, but only the first answer ever leaves the service.
 */
@Injectable()
export class IdempotencyService {
  private readonly logger = new Logger(IdempotencyService.name);

  constructor(private readonly recorder: AnswerRecorder) {}

  async run(
    key: IdempotencyKey,
    fingerprint: string,
    compute: () => Promise<ExtensionResponse>,
  ): Promise<ExtensionResponse> {
    // A fault is not an answer: nothing is recorded, and the identity server's retry runs the call again.
    const response = await compute();
    const responseBody = JSON.stringify(response);
    if (Buffer.byteLength(responseBody) > MAX_REPLAYABLE_RESPONSE_BYTES) {
      this.logger.warn(
        `requestId ${key.requestId}: answer of ${Buffer.byteLength(responseBody)} bytes is not recorded for replay`,
      );
      return response;
    }
    const recorded = await this.recorder.record({ key, fingerprint, httpStatus: 200, responseBody });
    switch (recorded.kind) {
      case 'recorded':
        return response;
      case 'replay':
        return JSON.parse(recorded.responseBody) as ExtensionResponse;
      case 'conflict':
        throw new RequestIdReuseError(key.requestId);
    }
  }
}
