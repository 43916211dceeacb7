import { Catch, Logger, ServiceUnavailableException, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { isJsonObject } from '@app/contract';

/** Terminus' report of a check: `{ status: 'down', message: '…', … }` for one that failed. */
type CheckReport = Record<string, unknown>;

/**
 * The health check's own failure: terminus throws 503 with its report (`{status: "error", info, error, details}`,
 * naming the check that is down). Orchestrators and load balancers read that report, so it is sent in terminus'
 * shape, instead of the extension endpoints' generic 500 that the service-wide filter would make of it.
 *
 * A failed check's `message` is the driver's error, which names the database's host and port (`connect ECONNREFUSED
 * 10.0.4.7:3306`) to anyone who can reach /health, an endpoint without authentication. It goes to the service's log;
 * the answer says which check is down and where to look.
 */
@Catch(ServiceUnavailableException)
export class HealthCheckFilter implements ExceptionFilter {
  private readonly logger = new Logger('HealthCheck');

  catch(exception: ServiceUnavailableException, host: ArgumentsHost): void {
    const report = exception.getResponse();
    const failing = isJsonObject(report) && isJsonObject(report.error) ? report.error : {};
    const causes = Object.entries(failing).map(([name, check]) =>
      isJsonObject(check) && typeof check.message === 'string' ? `${name} down (${check.message})` : `${name} down`,
    );
    this.logger.warn(`Health check failed: ${causes.join(', ') || 'unknown check down'}`);
    void host
      .switchToHttp()
      .getResponse<FastifyReply>()
      .status(503)
      .header('content-type', 'application/json; charset=utf-8')
      .send(isJsonObject(report) ? withoutCauses(report) : report);
  }
}

/** The report with each failed check's message replaced by a pointer to the log, in `error` and in `details`. */
function withoutCauses(report: Record<string, unknown>): Record<string, unknown> {
  const answer: Record<string, unknown> = { ...report };
  for (const section of ['error', 'details'] as const) {
    const checks = report[section];
    if (isJsonObject(checks)) {
      answer[section] = Object.fromEntries(
        Object.entries(checks).map(([name, check]) => [name, isJsonObject(check) ? withoutCause(name, check) : check]),
      );
    }
  }
  return answer;
}

function withoutCause(name: string, check: CheckReport): CheckReport {
  return check.status === 'down' && 'message' in check
    ? { ...check, message: `The ${name} check failed; the service's log has the cause.` }
    : check;
}
