import { Catch, Logger, ServiceUnavailableException, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply } from 'fastify';

/**
 * The health check's own failure: terminus throws 503 with its report (`{status: "error", info, error, details}`,
 * naming the check that is down). Orchestrators and load balancers read that report, so it is sent as terminus wrote
 * it, instead of the extension endpoints' generic 500 that the service-wide filter would make of it.
 */
@Catch(ServiceUnavailableException)
export class HealthCheckFilter implements ExceptionFilter {
  private readonly logger = new Logger('HealthCheck');

  catch(exception: ServiceUnavailableException, host: ArgumentsHost): void {
    const report = exception.getResponse();
    const failing =
      typeof report === 'object' && report !== null && 'error' in report ? Object.keys(report.error as object) : [];
    this.logger.warn(`Health check failed: ${failing.join(', ') || 'unknown check'} down`);
    void host
      .switchToHttp()
      .getResponse<FastifyReply>()
      .status(503)
      .header('content-type', 'application/json; charset=utf-8')
      .send(report);
  }
}
