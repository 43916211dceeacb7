export { ExtensionPlatformModule, type ExtensionPlatformOptions } from './extension-platform.module.js';
export { createExtensionServer, type ExtensionServer } from './create-extension-server.js';
export {
  loadAppConfig,
  ConfigurationError,
  isLoopbackHost,
  type AppConfig,
  type AuthConfig,
  type RequestCharset,
} from './config/app-config.js';
export { APP_CONFIG } from './config/config.tokens.js';
export { buildOpenApiDocument, CONTRACT_VERSION } from './openapi/openapi-document.js';
export { renderDeploymentToml, type DeploymentTomlOptions } from './integration/deployment-toml.js';
export { createServiceLogger } from './observability/service-logger.js';
export { AuditTrailService } from './audit/audit-trail.service.js';
export { decodeRequestBody } from './http/request-body-decoder.js';
export { CredentialVerifier } from './auth/credential-verifier.js';
