import { fileURLToPath } from 'node:url';
import { ChildServer, freePort } from './child-server.js';

/** The Fastify baseline (baseline-server.ts) as its own process, like the service, so that both are measured alike. */
const BASELINE_MAIN = fileURLToPath(new URL('./baseline-server.js', import.meta.url));

export async function startBaseline(): Promise<ChildServer> {
  const port = await freePort();
  return ChildServer.start({
    label: 'the Fastify baseline',
    script: BASELINE_MAIN,
    port,
    readinessPath: '/health',
    env: { PORT: String(port) },
  });
}

/** The query that makes the baseline answer `answerBytes` bytes. */
export function baselineQuery(answerBytes: number): string {
  return `?bytes=${answerBytes}`;
}
