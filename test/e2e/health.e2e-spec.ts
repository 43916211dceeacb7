import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { startTestServer } from './support/test-server.js';

describe('GET /health', () => {
  it('answers 503 with the failing check named when the database does not answer, as terminus reports it', async () => {
    const server = await startTestServer();
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
      const databaseDown = { status: 'down', message: expect.any(String), responseTime: expect.any(Number) };
      const specifications = { status: 'up', served: ['default', 'uk', 'berlin', 'uae'] };
      expect(body).toEqual({
        status: 'error',
        info: { specifications },
        error: { database: databaseDown },
        details: { database: databaseDown, specifications },
      });
    } finally {
      await dataSource.initialize().catch(() => undefined);
      await server.close();
    }
  });
});
