import { IdentityServerClient, IdentityServerSimulator } from '@app/testing';
import { TEST_PASSWORD, TEST_USER, type RunningTestServer } from '../../support/test-server.js';

export function uaeSimulator(server: RunningTestServer): IdentityServerSimulator {
  return new IdentityServerSimulator(
    new IdentityServerClient({
      baseUrl: server.baseUrl,
      spec: 'uae',
      credentials: { kind: 'basic', username: TEST_USER, password: TEST_PASSWORD },
    }),
  );
}
