import { Controller, Get, Query, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { isExtensionName } from '@app/contract';
import { AuditTrailService } from '@app/platform';
import { ConsoleAccessGuard } from '../access/console-access.guard.js';
import { badInput, ConsoleError } from '../http/console-errors.js';
import { ConsoleExceptionFilter } from '../http/console-exception.filter.js';
import { sendPage } from '../http/console-reply.js';
import { page } from '../html/layout.js';
import { renderPointMetrics } from '../metrics/metrics.views.js';
import { pointMetrics } from '../metrics/point-metrics.js';
import { SelfClientFactory } from '../service/self-client.factory.js';
import { AuditTrailLookup } from './audit-trail-lookup.js';
import { renderTrace, type TraceModel } from './trace.views.js';

/** The decision trace, and the metrics of a point it links to. */
@Controller('console')
@ApiExcludeController()
@UseGuards(ConsoleAccessGuard)
@UseFilters(ConsoleExceptionFilter)
export class TraceController {
  constructor(
    private readonly lookup: AuditTrailLookup,
    private readonly auditTrail: AuditTrailService,
    private readonly clients: SelfClientFactory,
  ) {}

  @Get('trace')
  async trace(@Query('id') raw: string | undefined, @Res() reply: FastifyReply): Promise<void> {
    const id = raw?.trim() === '' ? undefined : raw?.trim();
    if (id !== undefined && id.length > 255) {
      throw badInput('A requestId has at most 128 characters, a consent id at most 255.');
    }
    let model: TraceModel = { id, byRequest: [], byConsent: [], related: undefined };
    if (id !== undefined) {
      // The trail is written in batches every 200 ms: write what is buffered, so that a call just made is found.
      await this.auditTrail.flush();
      const [byRequest, byConsent] = await Promise.all([this.lookup.byRequestId(id), this.lookup.byConsentId(id)]);
      const consentId = byRequest.find((decision) => decision.consentId !== null)?.consentId ?? undefined;
      const related =
        consentId === undefined || consentId === id
          ? undefined
          : { consentId, decisions: await this.lookup.byConsentId(consentId) };
      model = { id, byRequest, byConsent, related };
    }
    await sendPage(reply, page({ title: 'Decision trace', section: 'trace', body: renderTrace(model) }));
  }

  @Get('metrics')
  async metrics(
    @Query('spec') spec: string | undefined,
    @Query('point') point: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    if (spec === undefined || !/^[a-z][a-z0-9-]{0,31}$/.test(spec) || point === undefined || !isExtensionName(point)) {
      throw badInput('Name a specification and one of the 24 extension points.');
    }
    const response = await fetch(`${this.clients.baseUrl()}/metrics`, { signal: AbortSignal.timeout(5000) }).catch(
      () => undefined,
    );
    if (response === undefined || !response.ok) {
      throw new ConsoleError(502, 'Metrics unavailable', 'The service did not answer GET /metrics.');
    }
    const metrics = pointMetrics(await response.text(), spec, point);
    await sendPage(
      reply,
      page({ title: `Metrics of ${point}`, section: 'trace', body: renderPointMetrics(spec, point, metrics) }),
    );
  }
}
