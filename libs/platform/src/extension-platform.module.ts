import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, DiscoveryModule } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { InheritedPoints, type SpecPlugin } from '@app/contract';
import { AuditTrailService } from './audit/audit-trail.service.js';
import type { AppConfig } from './config/app-config.js';
import { APP_CONFIG, BASE_SPECS, FALLBACK_SPEC, SERVED_SPECS } from './config/config.tokens.js';
import { ExtensionController } from './controllers/extension.controller.js';
import { HealthController } from './controllers/health.controller.js';
import { MetricsController } from './controllers/metrics.controller.js';
import { SpecIndexController } from './controllers/spec-index.controller.js';
import { ExtensionDispatcher } from './dispatch/extension-dispatcher.js';
import { RequestDataValidator } from './dispatch/request-data-validator.js';
import { ExtensionExceptionFilter } from './errors/extension-exception.filter.js';
import { IdempotencyPurgeService } from './idempotency/idempotency-purge.service.js';
import { AnswerRecorder } from './idempotency/answer-recorder.js';
import { IdempotencyService } from './idempotency/idempotency.service.js';
import { ExtensionMetrics } from './observability/extension-metrics.js';
import { ShutdownLogger } from './observability/shutdown-logger.js';
import { SpecRegistry } from './registry/spec-registry.js';

export interface ExtensionPlatformOptions {
  readonly config: AppConfig;
  /** The specifications served under `/{id}`. */
  readonly specs: readonly SpecPlugin[];
  /** Specifications that a served one extends but that are not served at their own path. */
  readonly bases?: readonly SpecPlugin[];
  /** Answers every point a served specification does not implement; it must implement all 24. */
  readonly fallback: SpecPlugin;
}

/**
 * The platform every specification plugs into: the contract's routes, the envelope and error rules, idempotency,
 * audit, metrics and health. It needs the persistence module (global) to be imported by the application.
 */
@Module({})
export class ExtensionPlatformModule {
  static forRoot(options: ExtensionPlatformOptions): DynamicModule {
    const bases = options.bases ?? [];
    const specModules = [...new Set([...options.specs, ...bases, options.fallback].map((spec) => spec.module))];
    return {
      module: ExtensionPlatformModule,
      // Global so that a derived specification's handlers can inject InheritedPoints (bound to the registry).
      global: true,
      imports: [DiscoveryModule, TerminusModule.forRoot({ logger: false }), ...specModules],
      controllers: [HealthController, MetricsController, ExtensionController, SpecIndexController],
      providers: [
        { provide: APP_CONFIG, useValue: options.config },
        { provide: SERVED_SPECS, useValue: options.specs },
        { provide: BASE_SPECS, useValue: bases },
        { provide: FALLBACK_SPEC, useValue: options.fallback },
        { provide: APP_FILTER, useClass: ExtensionExceptionFilter },
        SpecRegistry,
        { provide: InheritedPoints, useExisting: SpecRegistry },
        RequestDataValidator,
        ExtensionDispatcher,
        AnswerRecorder,
        IdempotencyService,
        IdempotencyPurgeService,
        AuditTrailService,
        ExtensionMetrics,
        ShutdownLogger,
      ],
      exports: [
        APP_CONFIG,
        SpecRegistry,
        InheritedPoints,
        AuditTrailService,
        ExtensionMetrics,
        IdempotencyPurgeService,
      ],
    };
  }
}
