import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { OfficialOpenApiDocument } from './official-openapi-document.js';
import { withDraft7Bounds } from './openapi30-bounds.js';
import { toSchemaViolation, type SchemaViolation } from './schema-violation.js';

/** Checks a value against one schema of an official document; undefined when it conforms. */
export type SchemaCheck = (value: unknown) => SchemaViolation | undefined;

/**
 * Compiles the component schemas of an official OpenAPI 3.0 document with ajv, each once, by name. The whole document
 * is registered so that `$ref`s resolve as its authors wrote them; OpenAPI's `nullable` and boolean exclusive bounds
 * are understood and its
 * annotation keywords (`example`, `xml`, `discriminator`, …) are ignored. Validation stops at the first error, so the
 * same bad request always yields the same first violation.
 */
export class OfficialSchemaValidators {
  private readonly ajv: Ajv;
  private readonly compiled = new Map<string, ValidateFunction>();
  private readonly documentId: string;

  constructor(private readonly official: OfficialOpenApiDocument) {
    this.documentId = `official:${official.source}`;
    this.ajv = new Ajv({ strict: false, allErrors: false, validateFormats: true, logger: false });
    (addFormats as unknown as (ajv: Ajv) => Ajv)(this.ajv);
    // OpenAPI 3.0's boolean exclusiveMinimum/exclusiveMaximum are not JSON Schema draft 7: converted on a copy.
    this.ajv.addSchema(withDraft7Bounds(official.document), this.documentId);
  }

  /** The validator of `#/components/schemas/{name}`, compiled on first use. */
  schema(name: string): SchemaCheck {
    let validate = this.compiled.get(name);
    if (!validate) {
      const schemas = (this.official.document['components'] as { schemas?: Record<string, unknown> } | undefined)
        ?.schemas;
      if (!schemas || !(name in schemas)) {
        throw new Error(`${this.official.source} has no component schema "${name}"`);
      }
      validate = this.ajv.compile({ $ref: `${this.documentId}#/components/schemas/${name}` });
      this.compiled.set(name, validate);
    }
    const check = validate;
    return (value: unknown) => (check(value) ? undefined : toSchemaViolation(check.errors![0]));
  }

  /** Compiles the given schemas now (at start-up), so that no request pays for a compilation. */
  precompile(names: readonly string[]): this {
    for (const name of names) {
      this.schema(name);
    }
    return this;
  }
}
