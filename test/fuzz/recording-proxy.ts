import { once } from 'node:events';
import { Agent, createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as it went over the wire to the service. */
export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly body: Buffer;
}

async function readAll(message: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of message) {
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * A loopback HTTP proxy in front of the service that keeps a copy of every request: the journeys run through it
 * unchanged (same bytes, same answers), and what the simulator really sent becomes the fuzzer's seeds.
 */
export class RecordingProxy {
  readonly requests: RecordedRequest[] = [];
  private readonly agent = new Agent({ keepAlive: true });

  private constructor(
    private readonly server: Server,
    private readonly target: URL,
  ) {}

  static async start(targetBaseUrl: string): Promise<RecordingProxy> {
    const server = createServer();
    const proxy = new RecordingProxy(server, new URL(targetBaseUrl));
    server.on(
      'request',
      (incoming: IncomingMessage, outgoing: ServerResponse) => void proxy.forward(incoming, outgoing),
    );
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    return proxy;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    this.server.close();
    this.agent.destroy();
    await once(this.server, 'close');
  }

  private async forward(incoming: IncomingMessage, outgoing: ServerResponse): Promise<void> {
    const body = await readAll(incoming);
    const method = incoming.method ?? 'GET';
    const path = incoming.url ?? '/';
    this.requests.push({ method, path, body });
    const upstream = request({
      agent: this.agent,
      host: this.target.hostname,
      port: this.target.port,
      method,
      path,
      headers: { ...incoming.headers, host: this.target.host },
    });
    upstream.on('response', (answer) => {
      outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(outgoing);
    });
    upstream.on('error', (error) => {
      outgoing.writeHead(502, { 'content-type': 'text/plain' });
      outgoing.end(`recording proxy: ${error.message}`);
    });
    upstream.end(body);
  }
}
