import { ACCEPTED_ERROR_CODES, EXTENSION_SCHEMAS, type ExtensionName } from '@app/contract';

/*
 * The OpenAPI schemas of each route, built from the contract library's schemas so that the document can never
 * disagree with what the service validates.
 */

type Schema = Record<string, unknown>;

/** `pre-process-consent-creation` → `PreProcessConsentCreation`, to name the schemas of a point. */
const modelName = (extension: ExtensionName): string =>
  extension.replace(/(^|-)([a-z])/g, (_match, _dash: string, letter: string) => letter.toUpperCase());

/** Plain JSON copy: drops TypeBox's symbol keys and detaches the document from the live schemas. */
const plain = (schema: unknown): Schema => JSON.parse(JSON.stringify(schema)) as Schema;

export function requestEnvelopeSchema(extension: ExtensionName): Schema {
  return {
    title: `${modelName(extension)}Request`,
    type: 'object',
    required: ['requestId', 'data'],
    properties: {
      requestId: { type: 'string', maxLength: 128, description: 'A UUID per logical call, resent unchanged on retries.' },
      data: plain(EXTENSION_SCHEMAS[extension].request),
    },
  };
}

export function answerEnvelopeSchema(extension: ExtensionName): Schema {
  const success: Schema = {
    title: `${modelName(extension)}Success`,
    type: 'object',
    additionalProperties: false,
    required: extension === 'map-accelerator-error-response' ? ['responseId', 'status', 'errorCode', 'data'] : ['responseId', 'status'],
    properties: {
      responseId: { type: 'string', description: 'Echoes requestId.' },
      status: { type: 'string', enum: ['SUCCESS'] },
      ...(extension === 'map-accelerator-error-response'
        ? { errorCode: { type: 'integer', minimum: 100, maximum: 599, description: 'The HTTP status the client receives.' } }
        : {}),
      data: plain(EXTENSION_SCHEMAS[extension].success),
    },
  };
  const failure: Schema = {
    title: `${modelName(extension)}Failure`,
    type: 'object',
    additionalProperties: false,
    required: ['responseId', 'status', 'errorCode', 'data'],
    properties: {
      responseId: { type: 'string' },
      status: { type: 'string', enum: ['ERROR'] },
      errorCode: { type: 'integer', enum: [...ACCEPTED_ERROR_CODES], description: 'The HTTP status relayed to the client.' },
      data: plain(EXTENSION_SCHEMAS[extension].failure),
    },
  };
  return { oneOf: [success, failure] };
}

export const ERROR_RESPONSE_SCHEMA: Schema = {
  title: 'ErrorResponse',
  type: 'object',
  additionalProperties: false,
  required: ['status', 'data'],
  properties: {
    responseId: { type: 'string', description: 'The requestId, when the body had a usable one.' },
    status: { type: 'string', enum: ['ERROR'] },
    data: {
      type: 'object',
      additionalProperties: false,
      required: ['errorMessage', 'errorDescription'],
      properties: { errorMessage: { type: 'string' }, errorDescription: { type: 'string' } },
    },
  },
};
