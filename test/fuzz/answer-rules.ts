import type { ExtensionName } from '@app/contract';
import { decodeRequestBody } from '@app/platform';
import { checkExtensionResponse } from '@app/testing';

/*
 * The rules every answer of the service must keep, whatever it was sent (contract §2.7, §2.8): a status among those
 * the contract allows and never 500, exactly the envelope's top-level keys, the requestId echoed as responseId, the
 * ErrorResponse shape for every non-200 answer (no framework body), and no stack trace or source path.
 */

/** What one input looked like on the wire, as much as the rules need. */
export interface SentRequest {
  readonly extension: ExtensionName;
  readonly body: Buffer;
  readonly contentType: string | undefined;
}

export interface ReceivedAnswer {
  readonly status: number;
  readonly text: string;
}

/** Statuses a call with good credentials to a served point may get: 200, or 400/413 for what is wrong with the call. */
const EXPECTED_STATUSES = new Set([200, 400, 413]);
const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The requestId the answer must echo: the body's own when it parses to an object with a string requestId; for text
 * that is not JSON, the responseId the service found in it, if the text does hold it as a `"requestId"` member (a
 * 400 correlates that way); else none (`''`: no responseId may appear in an error answer, and a 200 is a violation).
 */
export function requestIdToEcho(request: SentRequest, answerBody: unknown): string {
  const text = decodeRequestBody(request.body, request.contentType, 'auto');
  try {
    const parsed: unknown = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) {
      const { requestId } = parsed as Record<string, unknown>;
      return typeof requestId === 'string' ? requestId : '';
    }
    return '';
  } catch {
    const echoed =
      typeof answerBody === 'object' && answerBody !== null
        ? (answerBody as Record<string, unknown>)['responseId']
        : undefined;
    return typeof echoed === 'string' && new RegExp(`"requestId"\\s*:\\s*"${escapeRegExp(echoed)}"`).test(text)
      ? echoed
      : '';
  }
}

export function answerViolations(request: SentRequest, answer: ReceivedAnswer): string[] {
  const violations: string[] = [];
  if (!EXPECTED_STATUSES.has(answer.status)) {
    violations.push(`HTTP ${answer.status}: a served point with good credentials answers only 200, 400 or 413`);
  }
  let body: unknown;
  try {
    body = JSON.parse(answer.text);
  } catch {
    violations.push(`the body is not JSON: ${JSON.stringify(answer.text.slice(0, 200))}`);
    return violations;
  }
  const requestId = requestIdToEcho(request, body);
  if (answer.status === 200 && requestId === '') {
    violations.push('HTTP 200 for a call without a usable requestId');
  }
  violations.push(...checkExtensionResponse(request.extension, requestId, answer.status, body));
  return violations;
}
