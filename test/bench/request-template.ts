/*
 * A captured request body with its `requestId` replaceable. The identity server sends a fresh UUID per logical call,
 * and the points whose answers it stores (creation, persist) must not be measured as replays of one stored answer:
 * every request of a load gets its own id. The body is kept as the exact bytes the simulator sent (ISO-8859-1), cut
 * around the id once, so a request costs one small concatenation.
 */

export class RequestTemplateError extends Error {
  override readonly name = 'RequestTemplateError';
}

export class RequestTemplate {
  private readonly before: Buffer;
  private readonly after: Buffer;

  /**
   * @param path the URL path, e.g. `/default/validate-consent-access`.
   * @param sentBody the bytes the simulator sent, which contain `requestId` exactly once, as a JSON string.
   */
  constructor(
    readonly path: string,
    sentBody: Buffer,
    requestId: string,
  ) {
    const quotedId = Buffer.from(JSON.stringify(requestId), 'latin1');
    const start = sentBody.indexOf(quotedId);
    if (start === -1 || sentBody.indexOf(quotedId, start + 1) !== -1) {
      throw new RequestTemplateError(`the body of ${path} must contain its requestId ${requestId} exactly once`);
    }
    // Keep the quotes in the fixed parts: the id put between them is plain ASCII and needs no escaping.
    this.before = Buffer.from(sentBody.subarray(0, start + 1));
    this.after = Buffer.from(sentBody.subarray(start + quotedId.length - 1));
  }

  /** The same body with another id; `requestId` must be ASCII letters, digits and dashes. */
  withRequestId(requestId: string): Buffer {
    if (!/^[A-Za-z0-9-]+$/.test(requestId)) {
      throw new RequestTemplateError(`request ids of the bench are letters, digits and dashes, got ${JSON.stringify(requestId)}`);
    }
    return Buffer.concat([this.before, Buffer.from(requestId, 'latin1'), this.after]);
  }

  get byteLength(): number {
    return this.before.length + this.after.length;
  }
}

/** Distinct request ids for one load: a run prefix (so that two runs on one database never collide) and a counter. */
export function requestIdSequence(runPrefix: string): () => string {
  let counter = 0;
  return () => {
    counter += 1;
    return `${runPrefix}-${counter}`;
  };
}
