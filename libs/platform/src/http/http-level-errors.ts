import { STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { errorResponse } from '../envelope/response-envelope.js';

/*
 * The answers that Node's HTTP parser and Fastify's router would otherwise write themselves, with their own bodies
 * (`{"error":"Bad Request","message":"Client Error","statusCode":400}`), or with no body at all: every one is the
 * contract's ErrorResponse here, and a connection whose request was refused is closed.
 */

/** The status and ErrorResponse of a request Node's parser refused, by the parser's error code. */
function clientFailure(code: string | undefined): {
  readonly status: number;
  readonly errorMessage: string;
  readonly description: string;
} {
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    return {
      status: 408,
      errorMessage: 'request_timeout',
      description: 'The request headers and body were not received in time',
    };
  }
  if (code === 'HPE_HEADER_OVERFLOW') {
    return {
      status: 431,
      errorMessage: 'request_header_fields_too_large',
      description: 'The request headers exceed the size the service accepts',
    };
  }
  return {
    status: 400,
    errorMessage: 'invalid_request',
    description: `The request is not valid HTTP/1.1 (${code ?? 'unreadable'})`,
  };
}

/** Writes a complete HTTP/1.1 answer with the contract body on a raw socket, then closes it. */
function writeAndClose(socket: Socket, status: number, body: string): void {
  if (socket.writable) {
    const head = [
      `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}`,
      'Content-Type: application/json; charset=utf-8',
      `Content-Length: ${Buffer.byteLength(body)}`,
      'Connection: close',
    ];
    socket.write(`${head.join('\r\n')}\r\n\r\n${body}`);
  }
  // Closed once the answer is flushed, whether or not the client ever reads it or closes its side.
  socket.destroySoon();
}

/**
 * Fastify's `clientErrorHandler`: a request Node's parser refused (malformed request line or header, oversized headers,
 * a timeout). The error is logged by its code only: Fastify's own handler logs the error object, whose `rawPacket`
 * holds the raw request bytes, Basic credentials and body included.
 */
export function contractClientErrorHandler(logger: Logger): (error: NodeJS.ErrnoException, socket: Socket) => void {
  return (error, socket) => {
    if (error.code === 'ECONNRESET' || socket.destroyed) {
      return;
    }
    const failure = clientFailure(error.code);
    logger.debug({ code: error.code, status: failure.status }, 'Refused a request the HTTP parser could not accept');
    writeAndClose(
      socket,
      failure.status,
      JSON.stringify(errorResponse(undefined, failure.errorMessage, failure.description)),
    );
  };
}

/** Fastify's `frameworkErrors`: a URL it cannot decode, or a path parameter over its length limit. */
export function contractFrameworkErrors(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const description =
    error.code === 'FST_ERR_BAD_URL'
      ? 'The request URL is not a valid percent-encoded path'
      : 'The request URL is not one of the service';
  void reply
    .status(400)
    .header('content-type', 'application/json; charset=utf-8')
    .header('connection', 'close')
    .send(errorResponse(undefined, 'invalid_request', description));
}

/**
 * What Node's HTTP server would answer itself, with an empty body: a request without Host (HTTP/1.1 requires one;
 * Node's own check is turned off so that this answer has the contract's body) and an Expect header other than
 * 100-continue (417).
 */
export function registerHttpLevelAnswers(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', async (request, reply) => {
    if (
      request.raw.httpVersionMajor === 1 &&
      request.raw.httpVersionMinor === 1 &&
      request.headers.host === undefined
    ) {
      await reply
        .status(400)
        .header('content-type', 'application/json; charset=utf-8')
        .header('connection', 'close')
        .send(errorResponse(undefined, 'invalid_request', 'An HTTP/1.1 request must have a Host header'));
    }
  });
  fastify.server.on('checkExpectation', (request: IncomingMessage, response: ServerResponse) => {
    const body = JSON.stringify(
      errorResponse(
        undefined,
        'expectation_failed',
        `Expect: ${request.headers.expect ?? ''} is not supported (only 100-continue)`,
      ),
    );
    response.writeHead(417, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(body),
      connection: 'close',
    });
    response.end(body);
  });
}
