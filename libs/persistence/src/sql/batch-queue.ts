interface Waiting<TItem, TResult> {
  readonly item: TItem;
  resolve(result: TResult): void;
  reject(error: unknown): void;
}

/** What a failed batch means for its items. */
export type BatchFailure =
  /** One item may be what the database refused (a write): each is tried again alone. */
  | 'isolate'
  /** The batch failed as a whole (a read: the database is unreachable, the statement wrong): every item fails. */
  | 'fail-all';

/**
 * Runs work in batches: while one batch is being written, the items that arrive meanwhile wait and go together in
 * the next, so that one commit (an fsync, a network round trip) serves every call that finished together; an idle
 * queue writes each item at once. By default a batch that fails is retried one item at a time, so that one item the
 * database refuses never fails its neighbours.
 */
export class BatchQueue<TItem, TResult> {
  private readonly waiting: Waiting<TItem, TResult>[] = [];
  private writing = false;

  constructor(
    private readonly write: (items: readonly TItem[]) => Promise<readonly TResult[]>,
    private readonly maxBatch: number,
    private readonly onFailure: BatchFailure = 'isolate',
  ) {}

  push(item: TItem): Promise<TResult> {
    return new Promise<TResult>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      if (!this.writing) {
        this.writing = true;
        setImmediate(() => void this.drain());
      }
    });
  }

  private async drain(): Promise<void> {
    while (this.waiting.length > 0) {
      const batch = this.waiting.splice(0, this.maxBatch);
      try {
        const results = await this.write(batch.map((entry) => entry.item));
        batch.forEach((entry, index) => entry.resolve(results[index]));
      } catch (error) {
        if (batch.length === 1 || this.onFailure === 'fail-all') {
          batch.forEach((entry) => entry.reject(error));
        } else {
          await this.isolate(batch);
        }
      }
    }
    this.writing = false;
  }

  /** Writes each item of a failed batch alone: only the items that fail on their own get the error. */
  private async isolate(batch: readonly Waiting<TItem, TResult>[]): Promise<void> {
    for (const entry of batch) {
      try {
        const [result] = await this.write([entry.item]);
        entry.resolve(result);
      } catch (error) {
        entry.reject(error);
      }
    }
  }
}
