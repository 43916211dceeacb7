import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DependencyUnavailableError } from '@app/contract';
import { errorResponse } from '../envelope/response-envelope.js';
import { requestIdOf } from '../envelope/request-envelope.js';
import { drainLimitBytes, drainThenAnswer } from '../http/request-drain.js';
import { PayloadTooLargeError, ServiceError, UnknownRouteError, MalformedRequestError } from './service-errors.js';

/**
 * The only place a failure becomes an HTTP answer. Whatever was thrown, the body is the contract's ErrorResponse: no
 * Nest or Fastify default body, no stack trace. Unexpected faults answer a generic 500 and the detail goes to the
 * log, correlated by requestId.
 */
@Catch()
export class ExtensionExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ExtensionServer');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const failure = this.toServiceError(exception, request);
    const requestId = failure.requestId ?? requestIdOf(request.body);
    if (failure.httpStatus === 500) {
      const detail = exception instanceof Error ? (exception.stack ?? exception.message) : String(exception);
      this.logger.error(
        `Unexpected fault on ${request.method} ${request.url} requestId=${requestId ?? '-'}: ${detail}`,
      );
    }
    const send = (): void =>
      void reply
        .status(failure.httpStatus)
        .header('content-type', 'application/json; charset=utf-8')
        .send(errorResponse(requestId, failure.errorMessage, failure.errorDescription));
    if (failure instanceof PayloadTooLargeError) {
      // The client may still be writing the body it was refused for: read it first, so that it reads the 413.
      drainThenAnswer(request.raw, drainLimitBytes(request.routeOptions.bodyLimit ?? 0), send);
    } else {
      send();
    }
  }

  private toServiceError(exception: unknown, request: FastifyRequest): ServiceError {
    if (exception instanceof ServiceError) {
      return exception;
    }
    // Fastify's own failures (body size, content type, routing) reach here wrapped by Nest as HttpExceptions.
    const status = exception instanceof HttpException ? exception.getStatus() : statusOfFastifyError(exception);
    switch (status) {
      case 413:
        return new PayloadTooLargeError(request.routeOptions.bodyLimit ?? 0);
      case 404:
        return new UnknownRouteError(`No extension endpoint at ${request.method} ${request.url.split('?')[0]}`);
      case 405:
        return new UnknownRouteError('Extension endpoints accept POST only');
      case 400:
      case 415:
        return new MalformedRequestError('The request body could not be read as JSON');
      case undefined:
      default:
        break;
    }
    // Recognised by type: the platform never imports the adapters that throw it, only the contract that defines it.
    if (exception instanceof DependencyUnavailableError) {
      return new ServiceError(500, 'server_error', exception.publicDescription);
    }
    return new ServiceError(500, 'server_error', 'Unexpected error while processing the extension request');
  }
}

function statusOfFastifyError(exception: unknown): number | undefined {
  const { code, statusCode } = (exception ?? {}) as { code?: unknown; statusCode?: unknown };
  return typeof code === 'string' && code.startsWith('FST_ERR_') && typeof statusCode === 'number'
    ? statusCode
    : undefined;
}
