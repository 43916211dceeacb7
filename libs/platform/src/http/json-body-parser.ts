import secureJson from 'secure-json-parse';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { RequestCharset } from '../config/app-config.js';
import { MalformedRequestError } from '../errors/service-errors.js';
import { exceedsJsonDepth } from './json-nesting.js';
import { decodeRequestBody } from './request-body-decoder.js';
import { topLevelRequestId } from './top-level-request-id.js';

export interface JsonBodyParserOptions {
  readonly charset: RequestCharset;
  readonly bodyLimit: number;
  /** EXTENSION_MAX_JSON_DEPTH: deeper bodies are refused before they are parsed. */
  readonly maxDepth: number;
}

/**
 * Replaces Fastify's JSON parser: decodes the charset the identity server really uses, refuses over-deep nesting
 * before anything recursive sees it, rejects prototype-pollution keys, and turns every parse failure into the
 * contract's 400 instead of Fastify's own error body.
 */
export function registerJsonBodyParser(fastify: FastifyInstance, options: JsonBodyParserOptions): void {
  const { charset, bodyLimit, maxDepth } = options;
  fastify.removeAllContentTypeParsers();
  const parse = (request: FastifyRequest, body: Buffer, done: (err: Error | null, body?: unknown) => void): void => {
    const text = decodeRequestBody(body, request.headers['content-type'], charset);
    if (text.trim().length === 0) {
      done(new MalformedRequestError('The request body is empty; a JSON object {"requestId", "data"} is required'));
      return;
    }
    if (exceedsJsonDepth(text, maxDepth)) {
      done(
        new MalformedRequestError(
          `The request body nests JSON deeper than ${maxDepth} levels (EXTENSION_MAX_JSON_DEPTH)`,
          topLevelRequestId(text),
        ),
      );
      return;
    }
    try {
      done(null, secureJson.parse(text, undefined, { protoAction: 'error', constructorAction: 'error' }));
    } catch (error) {
      const requestId = topLevelRequestId(text);
      const reason =
        error instanceof SyntaxError ? error.message : 'forbidden key (__proto__ or constructor.prototype)';
      done(new MalformedRequestError(`The request body is not valid JSON: ${reason}`, requestId));
    }
  };
  fastify.addContentTypeParser('application/json', { parseAs: 'buffer', bodyLimit }, parse);
  // Other media types are refused the same way as malformed JSON rather than with Fastify's 415.
  fastify.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit }, (_request, _body, done) => {
    done(new MalformedRequestError('The request must be JSON sent as Content-Type: application/json'));
  });
}
