import { Controller, Get, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ExtensionMetrics } from '../observability/extension-metrics.js';

/** Prometheus scrape endpoint (outside the contract, so not in the OpenAPI document). */
@Controller('metrics')
@ApiExcludeController()
export class MetricsController {
  constructor(private readonly metrics: ExtensionMetrics) {}

  @Get()
  async scrape(@Res() reply: FastifyReply): Promise<void> {
    const body = await this.metrics.render();
    await reply.header('content-type', this.metrics.contentType).send(body);
  }
}
