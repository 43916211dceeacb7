import { Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationShutdown } from '@nestjs/common';

/** Says when and why the service stops, and when it has finished, so that a deployment's logs show the drain. */
@Injectable()
export class ShutdownLogger implements BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger('Shutdown');

  beforeApplicationShutdown(signal?: string): void {
    this.logger.log(`Stopping${signal ? ` on ${signal}` : ''}: no new calls accepted, in-flight calls finish first`);
  }

  onApplicationShutdown(): void {
    this.logger.log('Stopped');
  }
}
