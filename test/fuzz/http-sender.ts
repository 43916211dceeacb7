import { Agent, request } from 'node:http';

/** The answer to one POST, or why there was none. */
export type Exchange =
  | { readonly kind: 'answer'; readonly status: number; readonly text: string }
  | { readonly kind: 'no-answer'; readonly reason: string };

/** An input that gets no answer in this time is a violation (the identity server would have given up long before). */
const ANSWER_TIMEOUT_MS = 30_000;

/**
 * Sends raw POSTs over kept-alive loopback connections, as the identity server's pooled client does, with exactly the
 * bytes and Content-Type given (or none), and reads the whole answer as UTF-8 (how the identity server reads it).
 */
export class HttpSender {
  private readonly agent: Agent;
  private readonly origin: URL;

  constructor(
    baseUrl: string,
    private readonly authorization: string | undefined,
    connections: number,
  ) {
    this.origin = new URL(baseUrl);
    this.agent = new Agent({ keepAlive: true, maxSockets: connections });
  }

  post(path: string, body: Buffer, contentType: string | undefined): Promise<Exchange> {
    return new Promise((resolve) => {
      const headers: Record<string, string | number> = { accept: 'application/json', 'content-length': body.length };
      if (contentType !== undefined) {
        headers['content-type'] = contentType;
      }
      if (this.authorization !== undefined) {
        headers.authorization = this.authorization;
      }
      const outgoing = request(
        {
          agent: this.agent,
          host: this.origin.hostname,
          port: this.origin.port,
          method: 'POST',
          path,
          headers,
          timeout: ANSWER_TIMEOUT_MS,
        },
        (incoming) => {
          const chunks: Buffer[] = [];
          incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
          incoming.on('end', () =>
            resolve({ kind: 'answer', status: incoming.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
          );
          incoming.on('error', (error) =>
            resolve({
              kind: 'no-answer',
              reason: `${(error as NodeJS.ErrnoException).code ?? 'error'}: ${error.message}`,
            }),
          );
        },
      );
      outgoing.on('timeout', () => outgoing.destroy(new Error(`no answer within ${ANSWER_TIMEOUT_MS / 1000} s`)));
      outgoing.on('error', (error) =>
        resolve({ kind: 'no-answer', reason: `${(error as NodeJS.ErrnoException).code ?? 'error'}: ${error.message}` }),
      );
      outgoing.end(body);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
