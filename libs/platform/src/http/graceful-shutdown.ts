import type { FastifyInstance } from 'fastify';
import { errorResponse } from '../envelope/response-envelope.js';

/**
 * Once shutdown starts, answers carry `Connection: close`. The identity server keeps pooled connections alive; an
 * in-flight call's connection would otherwise stay open after its answer until the keep-alive timeout (65 s), and
 * the close would wait for it. A new request on such a connection gets 503 in the contract's shape (Fastify's own
 * `return503OnClosing` body would not be), and the identity server's next attempt opens a connection to another
 * instance.
 */
export function registerGracefulShutdown(fastify: FastifyInstance): void {
  let closing = false;
  fastify.addHook('preClose', (done) => {
    closing = true;
    done();
  });
  fastify.addHook('onRequest', async (_request, reply) => {
    if (closing) {
      await reply
        .status(503)
        .header('content-type', 'application/json; charset=utf-8')
        .send(errorResponse(undefined, 'service_unavailable', 'The service is shutting down; send the call again'));
    }
  });
  fastify.addHook('onSend', (_request, reply, payload, done) => {
    if (closing) {
      void reply.header('connection', 'close');
    }
    done(null, payload);
  });
}
