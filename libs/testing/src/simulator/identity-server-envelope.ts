import { ENVELOPE_KEYS } from '@app/contract';
import type { ExtensionAnswer } from './extension-exchange.js';
import { isJsonRecord } from './json-values.js';

/**
 * An answer as the identity server's `ServiceExtensionUtils` reads it (contract §2.7): only HTTP 200 counts, the
 * envelope is parsed by Jackson with FAIL_ON_UNKNOWN_PROPERTIES, `status` is a case-sensitive enum and `errorCode` an
 * int that defaults to 0. Anything else is a generic failure the TPP sees as a server error.
 */
export type EnvelopeReading =
  | { readonly kind: 'SUCCESS'; readonly errorCode: number; readonly data: unknown }
  | { readonly kind: 'ERROR'; readonly errorCode: number; readonly data: unknown }
  | { readonly kind: 'unusable'; readonly reason: string };

/** A reading the caller goes on with: a SUCCESS or an ERROR envelope. */
export type UsableEnvelopeReading = Exclude<EnvelopeReading, { readonly kind: 'unusable' }>;

const ALLOWED_KEYS = new Set<string>(ENVELOPE_KEYS);
const GENERIC_MESSAGE = 'Error while invoking external service extension';

function failureOfErrorStatus(answer: ExtensionAnswer): string {
  if (answer.httpStatus === 400 || answer.httpStatus === 500) {
    const data = isJsonRecord(answer.body) ? answer.body.data : undefined;
    const description =
      isJsonRecord(data) && typeof data.errorDescription === 'string' && data.errorDescription !== ''
        ? data.errorDescription
        : GENERIC_MESSAGE;
    return `HTTP ${answer.httpStatus}: the identity server throws "${description}" and the client sees a server error`;
  }
  return `HTTP ${answer.httpStatus}: "${GENERIC_MESSAGE}" (only 200 counts as success)`;
}

/** Jackson reads `"400"` into an int field through coercion; a null or absent value is 0. */
function readErrorCode(value: unknown): number | undefined {
  if (value === undefined || value === null) {
    return 0;
  }
  if (typeof value === 'number' && Number.isInteger(value)) {
    return value;
  }
  if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) {
    return Number(value.trim());
  }
  return undefined;
}

export function readEnvelopeLikeIdentityServer(answer: ExtensionAnswer): EnvelopeReading {
  if (answer.httpStatus !== 200) {
    return { kind: 'unusable', reason: failureOfErrorStatus(answer) };
  }
  if (answer.rawText === '') {
    return { kind: 'unusable', reason: 'No response content received from external service' };
  }
  const envelope = answer.body;
  if (!isJsonRecord(envelope)) {
    return { kind: 'unusable', reason: 'the body is not a JSON object: JsonProcessingException, not retried' };
  }
  const unknownKeys = Object.keys(envelope).filter((key) => !ALLOWED_KEYS.has(key));
  if (unknownKeys.length > 0) {
    return {
      kind: 'unusable',
      reason: `unknown top-level key(s) ${unknownKeys.join(', ')}: UnrecognizedPropertyException`,
    };
  }
  const errorCode = readErrorCode(envelope.errorCode);
  if (errorCode === undefined) {
    return { kind: 'unusable', reason: `errorCode ${JSON.stringify(envelope.errorCode)} cannot be read as an int` };
  }
  if (envelope.status === 'SUCCESS' || envelope.status === 'ERROR') {
    return { kind: envelope.status, errorCode, data: envelope.data };
  }
  if (envelope.status === undefined || envelope.status === null) {
    return { kind: 'unusable', reason: 'status is missing: the callers dereference it (NullPointerException)' };
  }
  return {
    kind: 'unusable',
    reason: `status ${JSON.stringify(envelope.status)} is not SUCCESS or ERROR: the enum cannot be parsed`,
  };
}
