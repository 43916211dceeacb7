import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** A request the local server received: method and path with its query, as the client sent them. */
export interface ReceivedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
}

export interface LocalHttpServer {
  /** `http://127.0.0.1:{port}`, without a trailing slash. */
  readonly origin: string;
  /** Every request received so far, oldest first. */
  readonly requests: ReceivedRequest[];
  /** Stops listening and drops open connections, including requests left unanswered on purpose. */
  close(): Promise<void>;
}

export type LocalHandler = (request: IncomingMessage, response: ServerResponse) => void;

/**
 * A plain node:http server on a free loopback port, standing for a service outside ours (a TPP's JWKS endpoint, a
 * bank core). It records what it was asked, so that a test can show which calls our service made.
 */
export async function startLocalHttpServer(handler: LocalHandler): Promise<LocalHttpServer> {
  const requests: ReceivedRequest[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((request, response) => {
    requests.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers });
    handler(request, response);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const socket of sockets) {
          socket.destroy();
        }
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** Answers JSON with a status, as a real service would (length known, connection reusable). */
export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  response.end(text);
}

/** An origin on which nothing listens: a port the system gave us and that was released again. */
export async function unreachableOrigin(): Promise<string> {
  const server = await startLocalHttpServer(() => undefined);
  await server.close();
  return server.origin;
}
