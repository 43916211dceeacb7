import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { AuditTrailRepository, type AuditRecordInput } from '@app/persistence';

const FLUSH_INTERVAL_MS = 200;
const FLUSH_BATCH = 500;
/** Beyond this, records are dropped (and counted) rather than letting a database outage exhaust memory. */
const MAX_BUFFERED = 20_000;

/**
 * The audit trail of every decision. Records are buffered and written in batches, so that the hot path
 * (validate-consent-access runs on every TPP API call) never waits for an audit write; the buffer is flushed at
 * shutdown, before the database closes (whichever module's shutdown hook Nest runs first). What a crash loses is at
 * most the last 200 ms of audit records, never a decision.
 */
@Injectable()
export class AuditTrailService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AuditTrailService.name);
  private buffer: AuditRecordInput[] = [];
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();
  private dropped = 0;

  constructor(private readonly repository: AuditTrailRepository) {
    repository.flushBeforeClosing(() => this.stop());
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.flush(), FLUSH_INTERVAL_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): Promise<void> {
    return this.stop();
  }

  record(entry: AuditRecordInput): void {
    if (this.buffer.length >= MAX_BUFFERED) {
      this.dropped++;
      return;
    }
    this.buffer.push(entry);
  }

  get droppedRecords(): number {
    return this.dropped;
  }

  /** Stops the periodic writes and writes what is left: at shutdown, and when the database is about to close. */
  private async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }

  /** Writes everything buffered so far; concurrent calls queue behind each other. */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(() => this.writeBuffered());
    return this.flushing;
  }

  private async writeBuffered(): Promise<void> {
    while (this.buffer.length > 0) {
      const batch = this.buffer.splice(0, FLUSH_BATCH);
      try {
        await this.repository.insertMany(batch);
      } catch (error) {
        this.dropped += batch.length;
        this.logger.error(`Could not write ${batch.length} audit records: ${(error as Error).message}`);
        return;
      }
    }
  }
}
