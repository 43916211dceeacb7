import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { CONSOLE_OPTIONS, type ConsoleOptions } from '../console-options.js';
import { ConsoleError } from '../http/console-errors.js';
import { decideConsoleAccess } from './console-access.js';

const FORWARDING_HEADERS = ['forwarded', 'x-forwarded-for', 'x-real-ip'];

/** Serves a console route only to the browsers CONSOLE allows (see `decideConsoleAccess`). */
@Injectable()
export class ConsoleAccessGuard implements CanActivate {
  constructor(@Inject(CONSOLE_OPTIONS) private readonly options: ConsoleOptions) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const access = decideConsoleAccess(this.options.settings, {
      remoteAddress: request.raw.socket.remoteAddress,
      host: request.headers.host,
      forwarded: FORWARDING_HEADERS.some((name) => request.headers[name] !== undefined),
      authorization: request.headers.authorization,
    });
    switch (access.kind) {
      case 'allowed':
        return true;
      case 'forbidden':
        throw new ConsoleError(403, 'Not available here', access.reason);
      case 'unauthenticated':
        throw new ConsoleError(401, 'Sign in to the console', access.reason);
    }
  }
}

/**
 * Refuses an action (a call to the service, a decision on a consent) that another site's page started: browsers say
 * so in Sec-Fetch-Site. The console's own forms send `same-origin`; a URL typed or bookmarked sends `none`.
 */
export function assertSameOriginAction(request: FastifyRequest): void {
  const site = request.headers['sec-fetch-site'];
  if (site === 'cross-site' || site === 'same-site') {
    throw new ConsoleError(403, 'Not from another site', 'The console runs calls only from its own pages.');
  }
}
