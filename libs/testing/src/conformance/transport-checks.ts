import { randomUUID } from 'node:crypto';
import type { ExtensionName } from '@app/contract';
import type { ExtensionAnswer, ExtensionCredentials } from '../simulator/identity-server-client.js';
import { isJsonRecord, jsonEquals } from '../simulator/json-values.js';
import { describeAnswer } from '../journeys/step-checks.js';
import type { ConformanceCase } from './conformance-report.js';
import {
  envelopeProbes,
  errorMappingProbe,
  LATIN1_PROBE_TEXT,
  retryProbe,
  type ProbeRequest,
} from './probe-requests.js';
import { describeFailure, RecordingIdentityServerClient } from './recording-client.js';

/*
 * The transport rules every extension service must follow, whatever its language (contract §2, §9 "Envelope and
 * transport"): the strict envelope, authentication, the identity server's ISO-8859-1 bodies, retries with the same
 * requestId, and the shape of error answers. Each check makes its own calls and returns one case.
 */

export interface TransportTarget {
  readonly baseUrl: string;
  /** The path segment called. */
  readonly servedAs: string;
  /** The specification whose requests the probes imitate. */
  readonly spec: string;
  /** What the identity server is configured to send; `none` or empty Basic means the target has no credentials. */
  readonly credentials: ExtensionCredentials;
  /** Undefined: all 24. */
  readonly enabledPoints: ReadonlySet<ExtensionName> | undefined;
  readonly timeoutMs?: number;
}

export interface TransportCheck {
  readonly name: string;
  run(target: TransportTarget): Promise<Omit<ConformanceCase, 'name' | 'durationMs'>>;
}

/** The checks by name, so that a fixture can say which check must catch each of its breaks. */
export const CHECK = {
  envelopeCreation: 'strict envelope: consent creation',
  envelopeRefreshToken: 'strict envelope: refresh token',
  envelopeErrorMapping: 'strict envelope: error mapping',
  noCredentials: 'auth: calls without credentials are refused with 401',
  wrongCredentials: 'auth: wrong credentials are refused with 401',
  charset: 'charset: ISO-8859-1 bodies are read as Latin-1',
  retry: 'idempotent retry: the same requestId gets the first answer',
  notJson: 'error shape: a body that is not JSON gets 400',
  noData: 'error shape: a request without data gets 400',
  unknownPoint: 'error shape: an unknown extension point gets 404',
} as const;

type CheckOutcome = Awaited<ReturnType<TransportCheck['run']>>;

/** A check's verdict on its calls; a failed check throws this. */
class CheckFailure extends Error {
  override readonly name = 'CheckFailure';
}

function clientFor(
  target: TransportTarget,
  credentials: ExtensionCredentials = target.credentials,
): RecordingIdentityServerClient {
  return new RecordingIdentityServerClient({
    baseUrl: target.baseUrl,
    spec: target.servedAs,
    credentials,
    ...(target.timeoutMs === undefined ? {} : { timeoutMs: target.timeoutMs }),
  });
}

function enabled(target: TransportTarget, extension: ExtensionName): boolean {
  return target.enabledPoints === undefined || target.enabledPoints.has(extension);
}

/** The first envelope probe on an enabled point; every check needs one point to call. */
function firstProbe(target: TransportTarget): ProbeRequest | undefined {
  return envelopeProbes(target.spec).find((probe) => enabled(target, probe.extension));
}

function hasCredentials(credentials: ExtensionCredentials): boolean {
  switch (credentials.kind) {
    case 'none':
      return false;
    case 'basic':
      return credentials.username !== '' || credentials.password !== '';
    case 'bearer':
      return credentials.token !== '';
  }
}

/** Runs the calls of a check and turns its verdict (or the failure it throws) into an outcome. */
async function verdict(client: RecordingIdentityServerClient, calls: () => Promise<string>): Promise<CheckOutcome> {
  try {
    const detail = await calls();
    return { status: 'passed', detail, exchanges: client.exchanges };
  } catch (error: unknown) {
    const detail = error instanceof CheckFailure ? error.message : `no answer: ${describeFailure(error)}`;
    return { status: 'failed', detail, exchanges: client.exchanges };
  }
}

const skipped = (detail: string): CheckOutcome => ({ status: 'skipped', detail, exchanges: [] });

/** The violations the recording client found on the last answer. */
function violationsOfLast(client: RecordingIdentityServerClient): readonly string[] {
  return client.exchanges.at(-1)?.violations ?? [];
}

function expectContract(client: RecordingIdentityServerClient, what: string): void {
  const violations = violationsOfLast(client);
  if (violations.length > 0) {
    throw new CheckFailure(`${what} violates the contract: ${violations.join('; ')}`);
  }
}

function expectStatus(answer: ExtensionAnswer, httpStatus: number, what: string): void {
  if (answer.httpStatus !== httpStatus) {
    throw new CheckFailure(`${what}: expected HTTP ${httpStatus}, got ${describeAnswer(answer)}`);
  }
}

/** One envelope check per probe point: HTTP 200 exactly, JSON, only the four keys, the echoed id, an exact status. */
function envelopeCheck(name: string, index: number): TransportCheck {
  const probeOf = (target: TransportTarget): ProbeRequest => envelopeProbes(target.spec)[index];
  return {
    name,
    async run(target) {
      const probe = probeOf(target);
      if (!enabled(target, probe.extension)) {
        return skipped(`${probe.extension} is not among the enabled points`);
      }
      const client = clientFor(target);
      return verdict(client, async () => {
        const answer = await client.call(probe.extension, probe.data);
        expectStatus(answer, 200, probe.extension);
        if (!/^application\/json\b/i.test(answer.contentType ?? '')) {
          throw new CheckFailure(`Content-Type must be application/json, got ${answer.contentType ?? 'nothing'}`);
        }
        expectContract(client, `the answer of ${probe.extension}`);
        const status = isJsonRecord(answer.body) ? String(answer.body.status) : '?';
        return `${probe.extension}: HTTP 200 ${status}, only the envelope keys, responseId echoes the requestId`;
      });
    },
  };
}

function credentialsCheck(
  name: string,
  what: string,
  wrong: (credentials: ExtensionCredentials) => ExtensionCredentials,
): TransportCheck {
  return {
    name,
    async run(target) {
      if (!hasCredentials(target.credentials)) {
        return skipped(
          'the run was given no credentials (--user/--password or --token), so the target is taken to accept any caller',
        );
      }
      const probe = firstProbe(target);
      if (probe === undefined) {
        return skipped('no enabled point has a probe request');
      }
      const client = clientFor(target, wrong(target.credentials));
      return verdict(client, async () => {
        const answer = await client.call(probe.extension, probe.data);
        expectStatus(answer, 401, `${probe.extension} ${what}`);
        expectContract(client, 'the 401 answer');
        return 'HTTP 401 with the error shape';
      });
    },
  };
}

/** Every string inside a JSON value. */
function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') {
    return [value];
  }
  if (Array.isArray(value)) {
    return value.flatMap((item: unknown) => stringsIn(item));
  }
  return isJsonRecord(value) ? Object.values(value).flatMap((member) => stringsIn(member)) : [];
}

const charsetCheck: TransportCheck = {
  name: CHECK.charset,
  async run(target) {
    const probe = errorMappingProbe(LATIN1_PROBE_TEXT);
    if (!enabled(target, probe.extension)) {
      return skipped(`${probe.extension}, whose answer echoes a text, is not among the enabled points`);
    }
    const client = clientFor(target);
    return verdict(client, async () => {
      // The simulator's default: the bytes on the wire are ISO-8859-1, labelled application/json without a charset.
      const answer = await client.call(probe.extension, probe.data);
      expectStatus(answer, 200, probe.extension);
      expectContract(client, `the answer of ${probe.extension}`);
      const echoes = stringsIn(answer.body).filter((text) => text.includes('Paiement refus'));
      if (echoes.some((text) => text.includes(LATIN1_PROBE_TEXT))) {
        return `"${LATIN1_PROBE_TEXT}" sent as ISO-8859-1 bytes comes back intact`;
      }
      if (echoes.length > 0) {
        throw new CheckFailure(
          `"${LATIN1_PROBE_TEXT}" sent as ISO-8859-1 bytes came back as "${echoes[0]}": the body was not decoded as Latin-1`,
        );
      }
      return 'the ISO-8859-1 body is accepted (the answer does not echo the text, so its decoding is not visible)';
    });
  },
};

const retryCheck: TransportCheck = {
  name: CHECK.retry,
  async run(target) {
    const preferred = retryProbe(target.spec);
    const probe = enabled(target, preferred.extension) ? preferred : firstProbe(target);
    if (probe === undefined) {
      return skipped('no enabled point has a probe request');
    }
    const client = clientFor(target);
    return verdict(client, async () => {
      const first = await client.call(probe.extension, probe.data);
      expectStatus(first, 200, `the first call of ${probe.extension}`);
      expectContract(client, 'the first answer');
      // After a read timeout the identity server resends the identical bytes under the same requestId (contract §2.6).
      const retried = await client.retry(first);
      expectStatus(retried, 200, `the retry of ${probe.extension}`);
      expectContract(client, 'the answer to the retry');
      if (!jsonEquals(first.body, retried.body)) {
        throw new CheckFailure(
          `the retry got another answer: first ${describeAnswer(first)}, then ${describeAnswer(retried)}`,
        );
      }
      return `${probe.extension} resent with requestId ${first.requestId}: the same answer`;
    });
  },
};

function errorShapeCheck(
  name: string,
  expected: (httpStatus: number) => boolean,
  expectation: string,
  send: (client: RecordingIdentityServerClient, extension: ExtensionName) => Promise<ExtensionAnswer>,
): TransportCheck {
  return {
    name,
    async run(target) {
      const probe = firstProbe(target);
      if (probe === undefined) {
        return skipped('no enabled point has a probe request');
      }
      const client = clientFor(target);
      return verdict(client, async () => {
        const answer = await send(client, probe.extension);
        if (!expected(answer.httpStatus)) {
          throw new CheckFailure(`expected ${expectation}, got ${describeAnswer(answer)}`);
        }
        expectContract(client, `the HTTP ${answer.httpStatus} answer`);
        return `HTTP ${answer.httpStatus} with the error shape {responseId?, status: "ERROR", data: {errorMessage, errorDescription}}`;
      });
    },
  };
}

/** Every transport check, in report order. */
export const TRANSPORT_CHECKS: readonly TransportCheck[] = [
  envelopeCheck(CHECK.envelopeCreation, 0),
  envelopeCheck(CHECK.envelopeRefreshToken, 1),
  envelopeCheck(CHECK.envelopeErrorMapping, 2),
  credentialsCheck(CHECK.noCredentials, 'without an Authorization header', () => ({ kind: 'none' })),
  credentialsCheck(CHECK.wrongCredentials, 'with wrong credentials', (credentials) =>
    credentials.kind === 'bearer'
      ? { kind: 'bearer', token: `${credentials.token}-wrong` }
      : {
          kind: 'basic',
          username: credentials.kind === 'basic' ? credentials.username : 'x',
          password: 'not-the-password',
        },
  ),
  charsetCheck,
  retryCheck,
  errorShapeCheck(
    CHECK.notJson,
    (status) => status === 400,
    'HTTP 400',
    (client, extension) => {
      const requestId = randomUUID();
      return client.sendRaw(extension, `{"requestId": "${requestId}", "data": {`, requestId);
    },
  ),
  errorShapeCheck(
    CHECK.noData,
    (status) => status === 400,
    'HTTP 400',
    (client, extension) => {
      const requestId = randomUUID();
      return client.sendRaw(extension, JSON.stringify({ requestId }), requestId);
    },
  ),
  errorShapeCheck(
    CHECK.unknownPoint,
    (status) => status === 404,
    'HTTP 404',
    (client) => {
      const requestId = randomUUID();
      // Not a name of the contract on purpose: the cast only lets the client build the URL.
      return client.sendRaw(
        'not-an-extension-point' as ExtensionName,
        JSON.stringify({ requestId, data: {} }),
        requestId,
      );
    },
  ),
];

/** Runs every transport check against the target, one after another, timing each. */
export async function runTransportChecks(target: TransportTarget): Promise<ConformanceCase[]> {
  const cases: ConformanceCase[] = [];
  for (const check of TRANSPORT_CHECKS) {
    const started = performance.now();
    const outcome = await check.run(target);
    cases.push({ name: check.name, ...outcome, durationMs: performance.now() - started });
  }
  return cases;
}
