import type { FastifyInstance } from 'fastify';

/**
 * Once shutdown starts, answers carry `Connection: close`. The identity server keeps pooled connections alive; an
 * in-flight call's connection would otherwise stay open after its answer until the keep-alive timeout (65 s), and
 * the close would wait for it. New requests on such connections get 503 from Fastify (`return503OnClosing`).
 */
export function registerGracefulShutdown(fastify: FastifyInstance): void {
  let closing = false;
  fastify.addHook('preClose', (done) => {
    closing = true;
    done();
  });
  fastify.addHook('onSend', (_request, reply, payload, done) => {
    if (closing) {
      void reply.header('connection', 'close');
    }
    done(null, payload);
  });
}
