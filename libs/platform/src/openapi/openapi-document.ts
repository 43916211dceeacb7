import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { extensionPathItems } from './extension-path-items.js';
import { hoistTitledSchemas } from './hoist-titled-schemas.js';

export const CONTRACT_VERSION = '1.0.4';

/**
 * The OpenAPI document of the service, generated from the code: the 24 extension points from the contract's catalogue
 * and schemas, the other routes as Swagger finds them. It is committed as `openapi/extensions.yaml`, and a test fails
 * when the two drift apart.
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Consent extension service')
    .setDescription(
      'External service extensions for the WSO2 Financial Services Accelerator (contract ' +
        CONTRACT_VERSION +
        '), one path prefix per open-banking specification. Business outcomes are always HTTP 200 with ' +
        '`status` SUCCESS or ERROR; the top level holds only responseId, status, errorCode and data.',
    )
    .setVersion(CONTRACT_VERSION)
    .addBasicAuth({ type: 'http', scheme: 'basic' }, 'basic')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'A static token, or a JWT verified against a JWKS.' }, 'bearer')
    .build();
  const explored = SwaggerModule.createDocument(app, config, { operationIdFactory: (_controller, method) => method });
  // The one route of the extension points is hidden from Swagger, which would show it as a single free-form path.
  return hoistTitledSchemas({ ...explored, paths: { ...extensionPathItems(), ...explored.paths } });
}
