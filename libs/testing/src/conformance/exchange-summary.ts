import type { RecordedExchange } from './recording-client.js';

/** One line per call, for plain-text reports: what was called, under which requestId, and what came back. */
export function summariseExchange(exchange: RecordedExchange): string {
  const head = `POST ${exchange.url} requestId=${exchange.requestId}`;
  if (exchange.answer === undefined) {
    return `${head} → ${exchange.failure ?? 'no answer'}`;
  }
  const body = exchange.answer.body;
  const status = typeof body === 'object' && body !== null && 'status' in body ? ` ${String(body.status)}` : '';
  const verdict =
    exchange.violations.length === 0
      ? 'satisfies the contract'
      : `violates the contract: ${exchange.violations.join('; ')}`;
  return `${head} → HTTP ${exchange.answer.httpStatus}${status}, ${verdict}`;
}

/** A JSON text indented for reading, or the text as it is when it is not JSON. */
export function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}
