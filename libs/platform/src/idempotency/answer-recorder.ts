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
 * How long a failed batch may be split and retried to find the answers that fail it: the identity server's read
 * timeout (5 s). Past it the callers have given up and will retry, and during a database outage every part fails,
 * so splitting on would only hold back the next batches.
 */
const ISOLATION_BUDGET_MS = 5_000;

/**
 * Writes answers to the idempotency table in batches: while one batch is being committed, the answers of the calls
 * that finish meanwhile wait and go together in the next, in one statement and one commit. With a durable commit
 * costing milliseconds (an fsync), this is what lets recorded points scale with concurrency instead of paying one
 * commit per call; an idle service still writes each answer at once.
 *
 * A batch that fails is split in halves, each written again, until the answers that fail are alone: one bad answer
 * fails its own call, never its neighbours' (writing an answer twice is harmless, the first recorded one wins).
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
      await this.writeIsolatingFailures(this.waiting.splice(0, MAX_BATCH));
    }
    this.writing = false;
  }

  private async writeIsolatingFailures(batch: Waiting[]): Promise<void> {
    const deadline = performance.now() + ISOLATION_BUDGET_MS;
    // Groups still to write, first to last; a failed group is replaced by its two halves.
    const groups: Waiting[][] = [batch];
    while (groups.length > 0) {
      const group = groups.shift()!;
      try {
        const recorded = await this.requests.recordAnswers(group.map((entry) => entry.answer));
        group.forEach((entry, index) => entry.resolve(recorded[index]));
      } catch (error) {
        if (group.length === 1 || performance.now() > deadline) {
          group.forEach((entry) => entry.reject(error));
          continue;
        }
        const middle = Math.ceil(group.length / 2);
        groups.unshift(group.slice(0, middle), group.slice(middle));
      }
    }
  }
}
