import type { FastifyInstance } from 'fastify';
import type { AuthConfig } from '../config/app-config.js';
import { errorResponse } from '../envelope/response-envelope.js';
import { CredentialVerifier } from './credential-verifier.js';

/**
 * Checks credentials on every POST (the extension endpoints) in Fastify's `onRequest` phase, before the body is read:
 * an unauthenticated client cannot make the service buffer and parse a large body.
 */
export function registerAuthenticationHook(fastify: FastifyInstance, auth: AuthConfig): CredentialVerifier {
  const verifier = new CredentialVerifier(auth);
  if (verifier.isOpen) {
    return verifier;
  }
  fastify.addHook('onRequest', async (request, reply) => {
    if (request.method !== 'POST' || (await verifier.verify(request.headers.authorization))) {
      return;
    }
    await reply
      .status(401)
      .header('www-authenticate', auth.basic ? 'Basic realm="consent-extensions"' : 'Bearer')
      .header('content-type', 'application/json; charset=utf-8')
      // Refused before its body is read: the connection is closed rather than kept for a client that may still send.
      .header('connection', 'close')
      .send(errorResponse(undefined, 'unauthorized', 'Missing or invalid credentials for the extension endpoint'));
  });
  return verifier;
}
