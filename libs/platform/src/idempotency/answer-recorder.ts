import { Injectable } from '@nestjs/common';
import { ExtensionRequestRepository, type AnswerToRecord, type RecordedAnswer } from '@app/persistence';

interface Waiting {
  readonly answer: AnswerToRecord;
  resolve(recorded: RecordedAnswer): void;
  reject(error: unknown): void;
}

/** Rows per batch: bounded so that one batch never holds a connection for long. */
const MAX_BATCH = 500;

/**
 * Writes answers to the idempotency table in batches: while one batch is being committed, the answers of the calls
 * that finish meanwhile wait and go together in the next, in one statement and one commit. With a durable commit
 * costing milliseconds (an fsync), this is what lets recorded points scale with concurrency instead of paying one
 * commit per call; an idle service still writes each answer at once.
 */
@Injectable()
export class AnswerRecorder {
  private readonly waiting: Waiting[] = [];
  private writing = false;

  constructor(private readonly requests: ExtensionRequestRepository) {}

  record(answer: AnswerToRecord): Promise<RecordedAnswer> {
    return new Promise<RecordedAnswer>((resolve, reject) => {
      this.waiting.push({ answer, resolve, reject });
      if (!this.writing) {
        this.writing = true;
        setImmediate(() => void this.writeWaiting());
      }
    });
  }

  private async writeWaiting(): Promise<void> {
    while (this.waiting.length > 0) {
      const batch = this.waiting.splice(0, MAX_BATCH);
      try {
        const recorded = await this.requests.recordAnswers(batch.map((entry) => entry.answer));
        batch.forEach((entry, index) => entry.resolve(recorded[index]));
      } catch (error) {
        batch.forEach((entry) => entry.reject(error));
      }
    }
    this.writing = false;
  }
}
