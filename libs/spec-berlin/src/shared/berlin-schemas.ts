import { fileURLToPath } from 'node:url';
import {
  loadOfficialOpenApiDocument,
  OfficialSchemaValidators,
  type SchemaCheck,
  type SchemaViolation,
} from '@app/openapi-schemas';
import { isJsonObject } from './json.js';

/** The official files, vendored byte for byte (a test compares them with the originals). */
export const OFFICIAL_SCHEMA_FILE = new URL('../../assets/openapi/psd2-api_v1.3.12-2022-07-06.yaml', import.meta.url);
export const OFFICIAL_ERROR_CODES_FILE = new URL(
  '../../assets/openapi/psd2-api_1.3.8_2020-11-06v1.yaml',
  import.meta.url,
);

/** The request bodies this module checks, by component schema name in psd2-api 1.3.12. */
export const BodySchema = {
  Consent: 'consents',
  Payment: 'paymentInitiation_json',
  PeriodicPayment: 'periodicPaymentInitiation_json',
  BulkPayment: 'bulkPaymentInitiation_json',
  AccountReference: 'accountReference',
} as const;
export type BodySchema = (typeof BodySchema)[keyof typeof BodySchema];

/**
 * The official schemas, compiled once at start-up. The official file does not forbid unknown fields, so the fields a
 * schema declares are kept too, to refuse the others as adorsys does ("The field '…' is not expected").
 */
export class BerlinSchemas {
  private readonly checks = new Map<BodySchema, SchemaCheck>();
  private readonly declaredFields = new Map<string, ReadonlySet<string>>();

  constructor(path: URL = OFFICIAL_SCHEMA_FILE) {
    const official = loadOfficialOpenApiDocument(fileURLToPath(path));
    const validators = new OfficialSchemaValidators(official).precompile(Object.values(BodySchema));
    for (const name of Object.values(BodySchema)) {
      this.checks.set(name, validators.schema(name));
    }
    const schemas = (official.document['components'] as { schemas: Record<string, unknown> }).schemas;
    for (const name of [...Object.values(BodySchema), 'accountAccess']) {
      const properties = isJsonObject(schemas[name])
        ? (schemas[name] as { properties?: unknown }).properties
        : undefined;
      this.declaredFields.set(name, new Set(isJsonObject(properties) ? Object.keys(properties) : []));
    }
  }

  /** The first violation of the official schema, or undefined. */
  check(name: BodySchema, value: unknown): SchemaViolation | undefined {
    return this.checks.get(name)!(value);
  }

  /** The first field of `value` that the named schema does not declare. */
  undeclaredField(name: string, value: Record<string, unknown>): string | undefined {
    const declared = this.declaredFields.get(name) ?? new Set<string>();
    return Object.keys(value).find((key) => !declared.has(key));
  }
}
