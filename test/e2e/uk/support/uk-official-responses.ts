import { join } from 'node:path';
import { loadOfficialOpenApiDocument, OfficialSchemaValidators, type SchemaCheck } from '@app/openapi-schemas';

/** The official v3.1.11 response schemas the UK answers are checked against (the vendored payment-initiation file). */
const paymentInitiation = new OfficialSchemaValidators(
  loadOfficialOpenApiDocument(
    join(process.cwd(), 'libs', 'spec-uk', 'assets', 'openapi', 'payment-initiation-openapi.yaml'),
  ),
);

export function paymentInitiationSchema(name: string): SchemaCheck {
  return paymentInitiation.schema(name);
}
