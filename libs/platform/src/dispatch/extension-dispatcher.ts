import { Injectable } from '@nestjs/common';
import { performance } from 'node:perf_hooks';
import { describeExtensionPoint, type ExtensionName, type ExtensionResponse } from '@app/contract';
import { AuditTrailService } from '../audit/audit-trail.service.js';
import { parseRequestEnvelope } from '../envelope/request-envelope.js';
import { ServiceError, UnknownRouteError } from '../errors/service-errors.js';
import { IdempotencyService } from '../idempotency/idempotency.service.js';
import { requestFingerprint } from '../idempotency/request-fingerprint.js';
import { ExtensionMetrics, type CallOutcome } from '../observability/extension-metrics.js';
import { SpecRegistry } from '../registry/spec-registry.js';
import { consentIdOf } from './consent-id-of.js';
import { outcomeToEnvelope } from './outcome-guard.js';
import { RequestDataValidator } from './request-data-validator.js';

/**
 * One extension call, from parsed body to envelope: resolve the specification, check the envelope and the shape of
 * `data`, run the specification's handler (through the idempotency record where the identity server stores the
 * answer), enforce the strict envelope on what comes back, then count and audit the outcome.
 */
@Injectable()
export class ExtensionDispatcher {
  constructor(
    private readonly registry: SpecRegistry,
    private readonly validator: RequestDataValidator,
    private readonly idempotency: IdempotencyService,
    private readonly audit: AuditTrailService,
    private readonly metrics: ExtensionMetrics,
  ) {}

  async dispatch(specId: string, extension: ExtensionName, body: unknown): Promise<ExtensionResponse> {
    const started = performance.now();
    const spec = this.registry.find(specId);
    if (!spec) {
      const served = this.registry
        .servedSpecs()
        .map((s) => s.plugin.id)
        .join(', ');
      throw new UnknownRouteError(`Specification "${specId}" is not served here (served: ${served})`);
    }
    let requestId: string | undefined;
    let data: Record<string, unknown> | undefined;
    try {
      ({ requestId, data } = parseRequestEnvelope(body));
      this.validator.check(extension, data, requestId);
      const handler = spec.handlers.get(extension)!;
      const context = { requestId, spec: specId, extension };
      const payload = data;
      const answer = async (): Promise<ExtensionResponse> =>
        outcomeToEnvelope(extension, context.requestId, await handler.handle(payload, context));
      const response = describeExtensionPoint(extension).replayedOnRetry
        ? await this.idempotency.run({ spec: specId, extension, requestId }, requestFingerprint(data), answer)
        : await answer();
      this.finish(
        specId,
        extension,
        requestId,
        data,
        response.status === 'SUCCESS' ? 'success' : 'error',
        started,
        response.errorCode,
      );
      return response;
    } catch (error) {
      const outcome: CallOutcome = error instanceof ServiceError && error.httpStatus !== 500 ? 'invalid' : 'fault';
      this.finish(specId, extension, requestId, data, outcome, started);
      throw error;
    }
  }

  private finish(
    spec: string,
    extension: ExtensionName,
    requestId: string | undefined,
    data: Record<string, unknown> | undefined,
    outcome: CallOutcome,
    started: number,
    errorCode?: number,
  ): void {
    const elapsedMs = performance.now() - started;
    this.metrics.observe(spec, extension, outcome, elapsedMs / 1000);
    if (requestId === undefined || outcome === 'invalid') {
      return;
    }
    this.audit.record({
      requestId,
      spec,
      extension,
      consentId: data ? consentIdOf(data) : undefined,
      outcome: outcome === 'success' ? 'SUCCESS' : outcome === 'error' ? 'ERROR' : 'FAULT',
      errorCode: errorCode ?? null,
      durationMs: Math.round(elapsedMs),
    });
  }
}
