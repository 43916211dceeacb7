import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

/** An official OpenAPI 3.0 file of a specification, parsed once and used as data (never copied into code). */
export interface OfficialOpenApiDocument {
  /** Where it was read from, for error messages. */
  readonly source: string;
  readonly version: string;
  readonly document: Record<string, unknown>;
}

export function loadOfficialOpenApiDocument(path: string): OfficialOpenApiDocument {
  const document = parse(readFileSync(path, 'utf8'), { maxAliasCount: -1 }) as Record<string, unknown>;
  const openapi = document['openapi'];
  if (typeof openapi !== 'string' || !openapi.startsWith('3.0')) {
    throw new Error(`${path} is not an OpenAPI 3.0 document (openapi: ${String(openapi)})`);
  }
  const info = document['info'] as { version?: unknown } | undefined;
  const version =
    typeof info?.version === 'string' || typeof info?.version === 'number' ? String(info.version) : 'unknown';
  return { source: path, version, document };
}
