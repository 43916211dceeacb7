import Fastify from 'fastify';
import { PaddingCache, paddedEnvelope } from './baseline-envelope.js';

/*
 * The baseline: the most a Node HTTP service can answer on this machine for the same exchange. A bare Fastify 5
 * server, run as its own process like the service, that parses the same request body (Fastify's JSON parser) and
 * returns an envelope of the same size (given per load as `?bytes=`), with no framework, validation, authentication
 * or database.
 */

const BODY_LIMIT_BYTES = 10 * 1024 * 1024;

interface ExtensionCall {
  readonly requestId?: unknown;
}

const port = Number(process.env.PORT ?? '0');
const paddings = new PaddingCache();
const server = Fastify({ logger: false, bodyLimit: BODY_LIMIT_BYTES });

server.get('/health', () => ({ status: 'ok' }));

server.post<{ Params: { spec: string; extension: string }; Querystring: { bytes?: string }; Body: ExtensionCall }>(
  '/:spec/:extension',
  (request, reply) => {
    const requestId = typeof request.body.requestId === 'string' ? request.body.requestId : '';
    const targetBytes = Number(request.query.bytes ?? '0');
    void reply
      .type('application/json')
      .send(
        paddedEnvelope(requestId, Number.isFinite(targetBytes) ? targetBytes : 0, (length) => paddings.get(length)),
      );
  },
);

const shutdown = (): void => {
  void server.close().then(() => process.exit(0));
};
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);

server.listen({ port, host: '127.0.0.1' }).catch((error: unknown) => {
  process.stderr.write(`baseline failed to start: ${String(error)}\n`);
  process.exit(1);
});
