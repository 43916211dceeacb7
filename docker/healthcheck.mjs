// The image's health check: GET /health on the service's own port; exit 0 when it answers 200 within 4 s, else 1.
// Plain Node.js, no dependency. Over HTTPS when TLS_CERT_FILE is set (the certificate is not verified: this is the
// service asking itself, and no credential is sent).
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

const listening = process.env.HOST ?? '';
const host = ['', '0.0.0.0', '::', '[::]'].includes(listening) ? '127.0.0.1' : listening.replace(/^\[(.*)\]$/, '$1');
const request = (process.env.TLS_CERT_FILE ? httpsRequest : httpRequest)(
  { host, port: Number(process.env.PORT || 3000), path: '/health', timeout: 4000, rejectUnauthorized: false },
  (response) => {
    response.resume();
    process.exit(response.statusCode === 200 ? 0 : 1);
  },
);
request.on('timeout', () => request.destroy(new Error('timed out')));
request.on('error', (error) => {
  process.stderr.write(`health check: ${error.message}\n`);
  process.exit(1);
});
request.end();
