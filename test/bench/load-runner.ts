import autocannon from 'autocannon';
import { LatencyRecorder } from './latency-statistics.js';
import type { LoadResult } from './measurement.js';
import { requestIdSequence, type BodyTemplate } from './request-template.js';

/*
 * Drives a server with autocannon (as a library, in this process): a fixed number of connections for a fixed time,
 * every request with its own requestId, every response time kept.
 */

const SUCCESS_ENVELOPE = '"status":"SUCCESS"';

export interface LoadTarget {
  readonly template: BodyTemplate;
  /** The headers the identity server sends (content type, Basic credentials, user agent). */
  readonly headers: Readonly<Record<string, string>>;
  /** Appended to the template's path, e.g. `?bytes=812` for the baseline. */
  readonly query?: string;
}

export interface LoadShape {
  readonly connections: number;
  readonly durationSeconds: number;
  /** Prefix of the generated request ids; unique per load so that two loads never share an id. */
  readonly requestIdPrefix: string;
}

/**
 * One load; with several targets each connection cycles through them in order (the soak's mixed load). Connection
 * errors are counted in the result, not thrown.
 */
export async function runLoad(baseUrl: string, targets: readonly LoadTarget[], shape: LoadShape): Promise<LoadResult> {
  const nextRequestId = requestIdSequence(shape.requestIdPrefix);
  const requests: autocannon.Request[] = targets.map((target) => ({
    method: 'POST',
    path: `${target.template.path}${target.query ?? ''}`,
    headers: { ...target.headers },
    setupRequest: (request: autocannon.Request): autocannon.Request => ({
      ...request,
      body: target.template.withRequestId(nextRequestId()),
    }),
    // Every business outcome is HTTP 200: only the envelope tells a served call from a refusal.
    onResponse: (status: number, body: string) => {
      if (status >= 200 && status < 300 && !body.includes(SUCCESS_ENVELOPE)) {
        refusals++;
      }
    },
  }));
  let refusals = 0;
  const latencies = new LatencyRecorder();
  const counts = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url: baseUrl, connections: shape.connections, duration: shape.durationSeconds, requests },
      (error: unknown, result) => {
        if (error !== null && error !== undefined) {
          reject(error instanceof Error ? error : new Error(`autocannon failed: ${JSON.stringify(error)}`));
        } else {
          resolve(result);
        }
      },
    );
    instance.on('response', (_client, _statusCode, _bytes, responseTimeMs) => latencies.record(responseTimeMs));
  });
  return { counts, latenciesMs: latencies.values(), refusals };
}
