import type { FastifyReply } from 'fastify';
import type { SafeHtml } from '../html/html.js';

/**
 * Headers of every console answer: no script may run and nothing may load from elsewhere (the console has no script
 * at all), no other site may frame it, and nothing is cached, since pages show consents and customer data.
 */
const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy':
    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

export async function sendPage(reply: FastifyReply, page: SafeHtml, status = 200): Promise<void> {
  await reply
    .status(status)
    .headers(SECURITY_HEADERS)
    .header('content-type', 'text/html; charset=utf-8')
    .send(page.markup);
}

/** After an action, the browser fetches the result page with GET, so that reloading it does not run the action again. */
export async function redirectTo(reply: FastifyReply, location: string): Promise<void> {
  await reply.status(303).headers(SECURITY_HEADERS).header('location', location).send();
}

export async function sendStylesheet(reply: FastifyReply, css: string): Promise<void> {
  await reply
    .status(200)
    .header('content-type', 'text/css; charset=utf-8')
    .header('cache-control', 'public, max-age=3600')
    .header('x-content-type-options', 'nosniff')
    .send(css);
}
