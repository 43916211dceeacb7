import { Body, Controller, HttpCode, Param, Post, applyDecorators } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiParam, ApiResponse, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { EXTENSION_POINTS, type ExtensionName, type ExtensionResponse } from '@app/contract';
import { ExtensionDispatcher } from '../dispatch/extension-dispatcher.js';
import { ERROR_RESPONSE_SCHEMA, answerEnvelopeSchema, requestEnvelopeSchema } from '../openapi/extension-openapi-schemas.js';

/**
 * The 24 routes of the contract, `POST /{spec}/{extension-name}`. They are generated from the contract's catalogue
 * rather than written by hand, so the route list cannot drift from the contract; every route answers HTTP 200 for
 * every business outcome (the identity server treats anything else, even 201, as a failure).
 */
@Controller()
export class ExtensionController {
  constructor(private readonly dispatcher: ExtensionDispatcher) {}

  /** The single implementation behind every generated route. */
  handle(spec: string, extension: ExtensionName, body: unknown): Promise<ExtensionResponse> {
    return this.dispatcher.dispatch(spec, extension, body);
  }
}

const toMethodName = (name: string): string => name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

for (const point of EXTENSION_POINTS) {
  const methodName = toMethodName(point.name);
  const extension = point.name;
  Object.defineProperty(ExtensionController.prototype, methodName, {
    value: function (this: ExtensionController, spec: string, body: unknown): Promise<ExtensionResponse> {
      return this.handle(spec, extension, body);
    },
    writable: true,
    configurable: true,
  });
  const prototype = ExtensionController.prototype as unknown as Record<string, unknown>;
  const descriptor = Object.getOwnPropertyDescriptor(prototype, methodName)!;
  Param('spec')(prototype, methodName, 0);
  Body()(prototype, methodName, 1);
  applyDecorators(
    Post(`:spec/${point.name}`),
    HttpCode(200),
    ApiTags(point.tag),
    ApiSecurity('basic'),
    ApiSecurity('bearer'),
    ApiOperation({ operationId: methodName, summary: point.summary }),
    ApiParam({ name: 'spec', description: 'A served specification id (`GET /{spec}` lists its points).', schema: { type: 'string', example: 'default' } }),
    ApiBody({ schema: requestEnvelopeSchema(extension) }),
    ApiResponse({ status: 200, description: 'Every business outcome: SUCCESS, or ERROR with the errorCode to relay.', schema: answerEnvelopeSchema(extension) }),
    ApiResponse({ status: 400, description: 'Malformed call (not JSON, no requestId or data, wrong types, requestId reused with another body).', schema: ERROR_RESPONSE_SCHEMA }),
    ApiResponse({ status: 401, description: 'Missing or invalid credentials.', schema: ERROR_RESPONSE_SCHEMA }),
    ApiResponse({ status: 404, description: 'Unknown specification.', schema: ERROR_RESPONSE_SCHEMA }),
    ApiResponse({ status: 413, description: 'Body over the configured limit.', schema: ERROR_RESPONSE_SCHEMA }),
    ApiResponse({ status: 500, description: 'Unexpected fault; the detail is only in the log, under the requestId.', schema: ERROR_RESPONSE_SCHEMA }),
  )(prototype, methodName, descriptor);
  Object.defineProperty(prototype, methodName, descriptor);
}
