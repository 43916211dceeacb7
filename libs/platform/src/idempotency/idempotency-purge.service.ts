import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { ExtensionRequestRepository } from '@app/persistence';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.tokens.js';

const PURGE_INTERVAL_MS = 60 * 60 * 1000;

/**
 * Deletes idempotency records once no retry can arrive any more (the identity server retries within
 * retry_count × (connect + read timeout), under a minute with the shipped settings); the retention is configurable.
 */
@Injectable()
export class IdempotencyPurgeService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(IdempotencyPurgeService.name);
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly requests: ExtensionRequestRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.purge(), PURGE_INTERVAL_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async purge(): Promise<number> {
    const cutoff = new Date(Date.now() - this.config.idempotencyRetentionHours * 3600_000);
    try {
      const deleted = await this.requests.purgeOlderThan(cutoff);
      if (deleted > 0) {
        this.logger.log(`Purged ${deleted} idempotency records older than ${cutoff.toISOString()}`);
      }
      return deleted;
    } catch (error) {
      this.logger.error(`Idempotency purge failed: ${(error as Error).message}`);
      return 0;
    }
  }
}
