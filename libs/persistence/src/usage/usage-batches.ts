import type { ConsumeResult, CountedCall } from './usage-decisions.js';
import { counterId } from './usage-decisions.js';

interface Waiting {
  readonly call: CountedCall;
  /** The counterIds the call moves. */
  readonly counters: readonly string[];
  resolve(result: ConsumeResult): void;
  reject(error: unknown): void;
}

/**
 * The counted calls of one instance, written in batches (writeUsageBatch): while batches are being written, the calls
 * that arrive meanwhile wait and go together in a later one, so that one commit serves every call that finished
 * together; an idle queue writes a call at once.
 *
 * Several batches may be in flight (MariaDB: each on its own pooled connection, their commits sharing the log's
 * fsyncs), but never two on one counter: a call waits while a batch in flight moves one of its counters, and so does
 * every later call on that counter, so that the calls of a counter are decided in arrival order and a batch never
 * waits for another one's locks. All calls on one consent therefore go one batch at a time, as large as the calls
 * that arrived; calls spread over many consents go in parallel batches.
 *
 * A batch that fails is written again one call at a time, still holding its counters, so that one call the database
 * refuses never fails its neighbours.
 */
export class UsageBatches {
  private readonly waiting: Waiting[] = [];
  /** The counters of the batches in flight. */
  private readonly busy = new Set<string>();
  private inFlight = 0;
  private scheduled = false;

  constructor(
    private readonly write: (calls: readonly CountedCall[]) => Promise<readonly ConsumeResult[]>,
    private readonly maxBatch: number,
    private readonly maxInFlight: number,
  ) {}

  push(call: CountedCall): Promise<ConsumeResult> {
    return new Promise<ConsumeResult>((resolve, reject) => {
      const counters = [
        ...new Set(call.increments.map(({ counterKey, periodKey }) => counterId(counterKey, periodKey))),
      ];
      this.waiting.push({ call, counters, resolve, reject });
      // Calls that arrive in the same turn of the event loop go in the same batch.
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => {
          this.scheduled = false;
          this.startBatches();
        });
      }
    });
  }

  private startBatches(): void {
    while (this.inFlight < this.maxInFlight) {
      const batch = this.nextBatch();
      if (batch.length === 0) {
        return;
      }
      void this.run(batch);
    }
  }

  /** The waiting calls, in arrival order, on no counter of a batch in flight or of an earlier call left waiting. */
  private nextBatch(): Waiting[] {
    const blocked = new Set(this.busy);
    const batch: Waiting[] = [];
    const left: Waiting[] = [];
    for (const entry of this.waiting) {
      if (batch.length < this.maxBatch && entry.counters.every((counter) => !blocked.has(counter))) {
        batch.push(entry);
      } else {
        left.push(entry);
        entry.counters.forEach((counter) => blocked.add(counter));
      }
    }
    this.waiting.splice(0, this.waiting.length, ...left);
    return batch;
  }

  private async run(batch: readonly Waiting[]): Promise<void> {
    this.inFlight += 1;
    const counters = batch.flatMap((entry) => entry.counters);
    counters.forEach((counter) => this.busy.add(counter));
    try {
      const results = await this.write(batch.map((entry) => entry.call));
      batch.forEach((entry, index) => entry.resolve(results[index]));
    } catch (error) {
      if (batch.length === 1) {
        batch[0].reject(error);
      } else {
        await this.isolate(batch);
      }
    } finally {
      counters.forEach((counter) => this.busy.delete(counter));
      this.inFlight -= 1;
      this.startBatches();
    }
  }

  /** Writes each call of a failed batch alone: only the calls that fail on their own get the error. */
  private async isolate(batch: readonly Waiting[]): Promise<void> {
    for (const entry of batch) {
      try {
        const [result] = await this.write([entry.call]);
        entry.resolve(result);
      } catch (error) {
        entry.reject(error);
      }
    }
  }
}
