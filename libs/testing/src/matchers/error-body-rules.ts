/*
 * The rules of a non-200 answer (contract §2.7, §2.8): the identity server parses it with the same strict envelope and
 * reads only `data.errorDescription`, as a log message. Such bodies are also where a careless exception filter leaks
 * internals, hence the stack-trace check.
 */

/**
 * The statuses the service may use for answers that are not business outcomes: a malformed call (400), credentials
 * (401), an unknown route (404), a request not received in time (408), a body over the limit (413), an unsupported
 * `Expect` (417), oversized headers (431), a fault (500) and a call arriving during shutdown or a database outage
 * at /health (503). All of them carry the contract's ErrorResponse.
 */
export const ERROR_RESPONSE_STATUSES: readonly number[] = [400, 401, 404, 408, 413, 417, 431, 500, 503];

const ALLOWED_TOP_LEVEL_KEYS = new Set(['responseId', 'status', 'data']);
const REQUIRED_DATA_KEYS = ['errorMessage', 'errorDescription'] as const;

const STACK_TRACE_PATTERNS: readonly RegExp[] = [
  /\bat [^\n]*\([^\n)]*:\d+(?::\d+)?\)/, // at handler (file:12:3)
  /\bat (?:file:\/\/|\/)\S*:\d+/, // at /app/dist/main.js:12:3
  /node_modules/,
  /\.ts:/,
  /\.[cm]?js:\d+/,
];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringsIn(value: unknown, where: string): Array<{ readonly where: string; readonly text: string }> {
  if (typeof value === 'string') {
    return [{ where, text: value }];
  }
  if (Array.isArray(value)) {
    return value.flatMap((item: unknown, index) => stringsIn(item, `${where}[${index}]`));
  }
  if (isRecord(value)) {
    return Object.entries(value).flatMap(([key, member]) => stringsIn(member, `${where}.${key}`));
  }
  return [];
}

export function errorBodyViolations(requestId: string, httpStatus: number, body: unknown): string[] {
  if (!isRecord(body)) {
    return [
      `an HTTP ${httpStatus} body must be {responseId?, status: "ERROR", data: {errorMessage, errorDescription}}, got ${body === undefined ? 'no JSON' : JSON.stringify(body)}`,
    ];
  }
  const violations: string[] = [];
  for (const key of Object.keys(body).filter((candidate) => !ALLOWED_TOP_LEVEL_KEYS.has(candidate))) {
    violations.push(
      `top-level key "${key}" is not allowed in an HTTP ${httpStatus} body (only responseId, status, data)`,
    );
  }
  if (body.responseId !== undefined && body.responseId !== requestId) {
    violations.push(
      `responseId, when present, must echo the requestId ${JSON.stringify(requestId)}, got ${JSON.stringify(body.responseId)}`,
    );
  }
  if (body.status !== 'ERROR') {
    violations.push(
      `status must be "ERROR" in an HTTP ${httpStatus} body, got ${JSON.stringify(body.status) ?? 'nothing'}`,
    );
  }
  const data = body.data;
  if (!isRecord(data)) {
    violations.push(
      `data must be an object {errorMessage, errorDescription}: without it the identity server throws a NullPointerException`,
    );
  } else {
    for (const key of REQUIRED_DATA_KEYS) {
      const value = data[key];
      if (typeof value !== 'string' || value.trim() === '') {
        violations.push(`data.${key} must be a non-empty string, got ${JSON.stringify(value) ?? 'nothing'}`);
      }
    }
    for (const key of Object.keys(data).filter(
      (candidate) => !(REQUIRED_DATA_KEYS as readonly string[]).includes(candidate),
    )) {
      violations.push(
        `data key "${key}" is not allowed in an HTTP ${httpStatus} body (only errorMessage, errorDescription)`,
      );
    }
  }
  for (const { where, text } of stringsIn(body, 'body')) {
    if (STACK_TRACE_PATTERNS.some((pattern) => pattern.test(text))) {
      violations.push(`${where} looks like a stack trace or source location: ${JSON.stringify(text.slice(0, 120))}`);
    }
  }
  return violations;
}
