import type { OpenAPIObject } from '@nestjs/swagger';
import { stringify } from 'yaml';
import { buildOpenApiDocument, createExtensionServer, loadAppConfig } from '@app/platform';
import { AppModule } from './app.module.js';

/** Where the generated contract of this service is committed. */
export const OPENAPI_FILE = 'openapi/extensions.yaml';

/**
 * Generates the OpenAPI document from the code, on a throwaway in-memory database (the document depends only on the
 * routes and the contract's schemas, never on configuration).
 */
export async function generateOpenApiDocument(): Promise<OpenAPIObject> {
  const config = loadAppConfig({ DATABASE_URL: 'sqlite::memory:', SEED_DEMO_DATA: 'false', LOG_LEVEL: 'silent' });
  const { app } = await createExtensionServer(AppModule.forRoot(config), config);
  try {
    return buildOpenApiDocument(app);
  } finally {
    await app.close();
  }
}

export function openApiToYaml(document: OpenAPIObject): string {
  const header = '# Generated from the code by `npm run openapi`; a test fails when this file and the code disagree.\n';
  return header + stringify(document, { lineWidth: 0, aliasDuplicateObjects: false });
}
