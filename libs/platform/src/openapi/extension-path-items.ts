import type { ContentObject, PathItemObject } from '@nestjs/swagger';
import { EXTENSION_POINTS, type ExtensionPointDescription } from '@app/contract';
import { ERROR_RESPONSE_SCHEMA, answerEnvelopeSchema, requestEnvelopeSchema } from './extension-openapi-schemas.js';

/*
 * The 24 extension points as OpenAPI path items, `POST /{spec}/{extension-name}` each. The service answers them all
 * with one route (`:spec/:extension`), which Swagger would document as a single path with a free-form name; the
 * identity server, the published contract and a reader want one operation per point, with that point's schemas.
 */

const JSON_MEDIA = 'application/json';

const json = (schema: Record<string, unknown>): ContentObject => ({ [JSON_MEDIA]: { schema } });

const failure = (description: string) => ({ description, content: json(ERROR_RESPONSE_SCHEMA) });

/** `pre-process-consent-creation` → `preProcessConsentCreation`: the operationId of a point. */
const operationIdOf = (name: string): string => name.replace(/-([a-z])/g, (_match, letter: string) => letter.toUpperCase());

function extensionPathItem(point: ExtensionPointDescription): PathItemObject {
  return {
    post: {
      operationId: operationIdOf(point.name),
      parameters: [
        {
          name: 'spec',
          required: true,
          in: 'path',
          description: 'A served specification id (`GET /{spec}` lists its points).',
          schema: { type: 'string', example: 'default' },
        },
      ],
      requestBody: { required: true, content: json(requestEnvelopeSchema(point.name)) },
      responses: {
        '200': { description: 'Every business outcome: SUCCESS, or ERROR with the errorCode to relay.', content: json(answerEnvelopeSchema(point.name)) },
        '400': failure('Malformed call (not JSON, no requestId or data, wrong types, requestId reused with another body).'),
        '401': failure('Missing or invalid credentials.'),
        '404': failure('Unknown specification.'),
        '413': failure('Body over the configured limit.'),
        '500': failure('Unexpected fault; the detail is only in the log, under the requestId.'),
      },
      security: [{ basic: [] }, { bearer: [] }],
      summary: point.summary,
      // `Extension` groups the 24 points, the point's own tag its part of the contract.
      tags: ['Extension', point.tag],
    },
  };
}

/** The path items of the 24 points, in the contract's order, keyed `/{spec}/{extension-name}`. */
export function extensionPathItems(): Record<string, PathItemObject> {
  return Object.fromEntries(EXTENSION_POINTS.map((point) => [`/{spec}/${point.name}`, extensionPathItem(point)]));
}
