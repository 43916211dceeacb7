import { unstorableCharacterIn } from '@app/persistence';
import { MalformedRequestError } from '../errors/service-errors.js';
import { findLoneSurrogate } from './lone-surrogates.js';

export interface ParsedEnvelope {
  readonly requestId: string;
  readonly data: Record<string, unknown>;
}

const MAX_REQUEST_ID_LENGTH = 128;

/** Checks the request envelope `{"requestId": string, "data": object}` that the identity server always sends. */
export function parseRequestEnvelope(body: unknown): ParsedEnvelope {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new MalformedRequestError('The request body must be a JSON object {"requestId", "data"}');
  }
  const { requestId, data } = body as Record<string, unknown>;
  if (typeof requestId !== 'string' || requestId.trim().length === 0) {
    throw new MalformedRequestError('requestId is required and must be a non-empty string');
  }
  if (requestId.length > MAX_REQUEST_ID_LENGTH) {
    throw new MalformedRequestError(`requestId must be at most ${MAX_REQUEST_ID_LENGTH} characters`);
  }
  // Refused up front, at every point: an id the database would store altered could never match its own retry, and
  // the identity server's UUIDs never hold such characters.
  const unstorable = unstorableCharacterIn(requestId);
  if (unstorable !== undefined) {
    throw new MalformedRequestError(
      `requestId ${JSON.stringify(requestId)} holds ${unstorable}, which cannot be stored as sent`,
      requestId,
    );
  }
  if (data === undefined) {
    throw new MalformedRequestError('data is required', requestId);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new MalformedRequestError('data must be a JSON object', requestId);
  }
  // Before any handler runs: every specification, a bank's own modules included, may then treat strings as text.
  const surrogate = findLoneSurrogate(data, 'data');
  if (surrogate !== undefined) {
    const where = surrogate.inKey ? `a key of ${surrogate.path}` : surrogate.path;
    throw new MalformedRequestError(
      `${where} holds a lone UTF-16 surrogate (${surrogate.codePoint}): strings must be well-formed Unicode`,
      requestId,
    );
  }
  return { requestId, data: data as Record<string, unknown> };
}

/** The requestId of a body, when it has a usable one (for correlating failures). */
export function requestIdOf(body: unknown): string | undefined {
  if (typeof body === 'object' && body !== null && !Array.isArray(body)) {
    const { requestId } = body as Record<string, unknown>;
    if (typeof requestId === 'string' && requestId.length > 0 && requestId.length <= MAX_REQUEST_ID_LENGTH) {
      return requestId;
    }
  }
  return undefined;
}
