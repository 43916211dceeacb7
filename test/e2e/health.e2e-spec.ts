import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { startTestServer } from './support/test-server.js';

describe('GET /health', () => {
  it('answers 503 with the failing check named when the database does not answer, as terminus reports it, without the cause', async () => {
    const logLines: string[] = [];
    const server = await startTestServer({ logLines, env: { LOG_LEVEL: 'warn' } });
    const dataSource = server.app.get<DataSource>(getDataSourceToken());
    try {
      const healthy = await fetch(`${server.baseUrl}/health`);
      expect(healthy.status).toBe(200);

      // The database goes away under the running service.
      await dataSource.destroy();
      const res = await fetch(`${server.baseUrl}/health`);

      expect(res.status).toBe(503);
      expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
      const body: unknown = await res.json();
      // The driver's error would name the database's host and port to anyone who can reach /health: it is logged.
      const databaseDown = {
        status: 'down',
        message: "The database check failed; the service's log has the cause.",
        responseTime: expect.any(Number),
      };
      const specifications = { status: 'up', served: ['default', 'uk', 'berlin', 'uae'] };
      expect(body).toEqual({
        status: 'error',
        info: { specifications },
        error: { database: databaseDown },
        details: { database: databaseDown, specifications },
      });
      expect(logLines.some((line) => line.includes('Health check failed: database down ('))).toBe(true);
    } finally {
      await dataSource.initialize().catch(() => undefined);
      await server.close();
    }
  });
});
