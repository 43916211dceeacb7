import { ACCEPTED_ERROR_CODES, ENVELOPE_KEYS, isAcceptedErrorCode, type ExtensionName } from '@app/contract';
import { dataViolations } from './data-schema-rules.js';

/*
 * The rules of an HTTP 200 answer (contract §2.7, §2.8, §4.14): the identity server parses the envelope strictly,
 * relays `errorCode` as an HTTP status, and reads `data` with the point's own shape.
 */

const ALLOWED_KEYS = new Set<string>(ENVELOPE_KEYS);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  return value === undefined ? 'nothing' : JSON.stringify(value);
}

export function envelopeViolations(extension: ExtensionName, requestId: string, body: unknown): string[] {
  if (!isRecord(body)) {
    return [`the HTTP 200 body must be a JSON object envelope, got ${describe(body)}`];
  }
  const violations: string[] = [];
  for (const key of Object.keys(body).filter((candidate) => !ALLOWED_KEYS.has(candidate))) {
    violations.push(
      `top-level key "${key}" is not allowed (only ${ENVELOPE_KEYS.join(', ')}): the identity server's strict parse fails`,
    );
  }
  if (body.responseId !== requestId) {
    violations.push(
      `responseId must echo the requestId ${JSON.stringify(requestId)}, got ${describe(body.responseId)}`,
    );
  }
  const status = body.status;
  if (status !== 'SUCCESS' && status !== 'ERROR') {
    violations.push(`status must be exactly "SUCCESS" or "ERROR", got ${describe(status)}`);
  }
  const errorCode = body.errorCode;
  if (errorCode !== undefined && !Number.isInteger(errorCode)) {
    violations.push(`errorCode must be an integer, got ${describe(errorCode)}`);
  }
  if (status === 'ERROR') {
    if (!isAcceptedErrorCode(errorCode)) {
      violations.push(
        `an ERROR needs an errorCode among ${ACCEPTED_ERROR_CODES.join(', ')}, got ${describe(errorCode)}`,
      );
    }
    if (!isRecord(body.data)) {
      violations.push(
        `an ERROR needs data as a JSON object (it is relayed as the error body), got ${describe(body.data)}`,
      );
    }
  }
  if (
    extension === 'map-accelerator-error-response' &&
    !(typeof errorCode === 'number' && Number.isInteger(errorCode) && errorCode >= 100 && errorCode <= 599)
  ) {
    violations.push(
      `map-accelerator-error-response needs an integer errorCode in 100-599 even on SUCCESS (it is the client's HTTP status), got ${describe(errorCode)}`,
    );
  }
  if (status === 'SUCCESS' || status === 'ERROR') {
    violations.push(...dataViolations(extension, status, body.data));
  }
  return violations;
}
