export { loadOfficialOpenApiDocument, type OfficialOpenApiDocument } from './official-openapi-document.js';
export { OfficialSchemaValidators, type SchemaCheck } from './official-schema-validators.js';
export { toSchemaViolation, type SchemaViolation } from './schema-violation.js';
