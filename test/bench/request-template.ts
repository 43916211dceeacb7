import { createHash } from 'node:crypto';

/*
 * A captured request body with its `requestId` replaceable. The identity server sends a fresh UUID per logical call,
 * and the points whose answers it stores (creation, persist) must not be measured as replays of one stored answer:
 * every request of a load gets its own id. The body is kept as the exact bytes the simulator sent (ISO-8859-1), cut
 * around the id once, so a request costs one small concatenation.
 */

const PER_REQUEST_VALUE_LENGTH = 32;

export class RequestTemplateError extends Error {
  override readonly name = 'RequestTemplateError';
}

/** What a load sends: the bodies of one path, each request with its own requestId. */
export interface BodyTemplate {
  readonly path: string;
  withRequestId(requestId: string): Buffer;
  readonly byteLength: number;
}

export class RequestTemplate implements BodyTemplate {
  /** The fixed bytes around the replaced values: one more part than there are values. */
  private readonly parts: readonly Buffer[];
  /** What goes into each gap between two parts, in body order. */
  private readonly gaps: readonly ('id' | 'value')[];

  /**
   * @param path the URL path, e.g. `/default/validate-consent-access`.
   * @param sentBody the bytes the simulator sent, which contain `requestId` exactly once, as a JSON string.
   * @param perRequestValues other JSON string values of the body that must also differ on every request (a payment's
   *   `x-idempotency-key`, which the point counts once per key): each must occur exactly once, and takes
   *   `perRequestValueOf` the fresh requestId.
   */
  constructor(
    readonly path: string,
    sentBody: Buffer,
    requestId: string,
    perRequestValues: readonly string[] = [],
  ) {
    const spans = [requestId, ...perRequestValues].map((value, index) => {
      const kind = index === 0 ? 'id' : 'value';
      const quoted = Buffer.from(JSON.stringify(value), 'latin1');
      const start = sentBody.indexOf(quoted);
      if (start === -1 || sentBody.indexOf(quoted, start + 1) !== -1) {
        const what = index === 0 ? 'its requestId' : 'the per-request value';
        throw new RequestTemplateError(`the body of ${path} must contain ${what} ${value} exactly once`);
      }
      // Keep the quotes in the fixed parts: the id put between them is plain ASCII and needs no escaping.
      return { from: start + 1, to: start + quoted.length - 1, kind } as const;
    });
    spans.sort((left, right) => left.from - right.from);
    const parts: Buffer[] = [];
    let cursor = 0;
    for (const { from, to } of spans) {
      if (from < cursor) {
        throw new RequestTemplateError(`the per-request values of ${path} overlap`);
      }
      parts.push(Buffer.from(sentBody.subarray(cursor, from)));
      cursor = to;
    }
    parts.push(Buffer.from(sentBody.subarray(cursor)));
    this.parts = parts;
    this.gaps = spans.map((span) => span.kind);
  }

  /** The same body with another id in every replaced place; `requestId` must be ASCII letters, digits and dashes. */
  withRequestId(requestId: string): Buffer {
    if (!/^[A-Za-z0-9-]+$/.test(requestId)) {
      throw new RequestTemplateError(
        `request ids of the bench are letters, digits and dashes, got ${JSON.stringify(requestId)}`,
      );
    }
    const id = Buffer.from(requestId, 'latin1');
    const value = this.gaps.includes('value') ? Buffer.from(perRequestValueOf(requestId), 'latin1') : id;
    return Buffer.concat(
      this.parts.flatMap((part, index) => (index === 0 ? [part] : [this.gaps[index - 1] === 'id' ? id : value, part])),
    );
  }

  get byteLength(): number {
    return this.parts.reduce((total, part) => total + part.length, 0);
  }
}

/**
 * Several bodies of one path sent in turn, for a point whose limit belongs to one consent and is lower than the calls
 * of a load (Berlin caps frequencyPerDay at 1000 a day): spread over enough consents, no call reaches a limit.
 */
export class RotatingTemplate implements BodyTemplate {
  readonly path: string;
  private next = 0;

  constructor(private readonly templates: readonly RequestTemplate[]) {
    const [first] = templates;
    if (first === undefined) {
      throw new RequestTemplateError('a rotating template needs at least one body');
    }
    if (templates.some((template) => template.path !== first.path)) {
      throw new RequestTemplateError(
        `the bodies of a rotating template must share one path, got ${[...new Set(templates.map((template) => template.path))].join(', ')}`,
      );
    }
    this.path = first.path;
  }

  withRequestId(requestId: string): Buffer {
    const template = this.templates[this.next];
    this.next = (this.next + 1) % this.templates.length;
    return template.withRequestId(requestId);
  }

  /** The first body's: the bodies differ only in their ids. */
  get byteLength(): number {
    return this.templates[0].byteLength;
  }
}

/**
 * The per-request value of a request id: the bench's ids (a run prefix with a UUID and a counter) are longer than the
 * 40 characters UK and UAE allow in `x-idempotency-key`, so a value is the first 32 hex digits of the id's SHA-256:
 * distinct for distinct ids, letters and digits only, the length of a UUID without its dashes.
 */
export function perRequestValueOf(requestId: string): string {
  return createHash('sha256').update(requestId).digest('hex').slice(0, PER_REQUEST_VALUE_LENGTH);
}

/** Distinct request ids for one load: a run prefix (so that two runs on one database never collide) and a counter. */
export function requestIdSequence(runPrefix: string): () => string {
  let counter = 0;
  return () => {
    counter += 1;
    return `${runPrefix}-${counter}`;
  };
}
