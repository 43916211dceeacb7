import { Catch, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { html } from '../html/html.js';
import { page } from '../html/layout.js';
import { ConsoleError } from './console-errors.js';
import { sendPage } from './console-reply.js';

/**
 * The console's failures as pages people read, instead of the extension contract's JSON error bodies that the
 * platform's global filter writes. An unexpected error shows a generic page; its detail goes to the log only.
 */
@Catch()
export class ConsoleExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Console');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const request = http.getRequest<FastifyRequest>();
    const failure =
      exception instanceof ConsoleError
        ? exception
        : new ConsoleError(
            500,
            'Something went wrong',
            'The console could not complete this page. The service log has the detail.',
          );
    if (!(exception instanceof ConsoleError)) {
      const detail = exception instanceof Error ? (exception.stack ?? exception.message) : String(exception);
      this.logger.error(`Console failure on GET ${request.url.split('?')[0]}: ${detail}`);
    }
    if (failure.httpStatus === 401) {
      void reply.header('www-authenticate', 'Basic realm="consent-extensions console", charset="UTF-8"');
    }
    void sendPage(
      reply,
      page({
        title: failure.title,
        body: html`<div class="error-box" role="alert"><p>${failure.message}</p></div><p><a href="/console">Back to the console</a></p>`,
      }),
      failure.httpStatus,
    );
  }
}
