import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiExcludeEndpoint } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { isExtensionName, type ExtensionResponse } from '@app/contract';
import { ExtensionDispatcher } from '../dispatch/extension-dispatcher.js';
import { UnknownRouteError } from '../errors/service-errors.js';

/**
 * The 24 extension points of the contract, `POST /{spec}/{extension-name}`, as one route whose extension name must be
 * one of the contract's catalogue: no specification can add or drop a point. Every business outcome answers HTTP 200
 * (the identity server treats anything else, even 201, as a failure).
 */
@Controller()
export class ExtensionController {
  constructor(private readonly dispatcher: ExtensionDispatcher) {}

  @Post(':spec/:extension')
  @HttpCode(200)
  // Documented one path per point, with that point's schemas, by openapi/extension-path-items.ts.
  @ApiExcludeEndpoint()
  handle(
    @Param('spec') spec: string,
    @Param('extension') extension: string,
    @Body() body: unknown,
    @Req() request: FastifyRequest,
  ): Promise<ExtensionResponse> {
    if (!isExtensionName(extension)) {
      // The answer of a path no route matches (ExtensionExceptionFilter), checked before the specification so that an
      // unknown name on an unknown specification is still "no such endpoint".
      throw new UnknownRouteError(`No extension endpoint at POST ${request.url.split('?')[0]}`);
    }
    return this.dispatcher.dispatch(spec, extension, body);
  }
}
