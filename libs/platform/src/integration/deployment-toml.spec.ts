import { renderDeploymentToml } from './deployment-toml.js';

describe(renderDeploymentToml.name, () => {
  it('renders the endpoint block with snake_case extension names and the spec in base_url', () => {
    const toml = renderDeploymentToml({
      baseUrl: 'https://ext.bank.example:8443/',
      spec: 'uk',
      extensions: ['pre-process-consent-creation', 'validate-consent-access'],
      security: 'Basic-Auth',
      username: 'is-admin',
      forwardedHeaders: ['x-idempotency-key', 'x-jws-signature'],
    });
    expect(toml).toContain('[financial_services.extensions.endpoint]\nenabled = true\nbase_url = "https://ext.bank.example:8443/uk"\n');
    expect(toml).toContain('allowed_extensions = [\n    "pre_process_consent_creation",\n    "validate_consent_access",\n]');
    expect(toml).toContain('[financial_services.extensions.endpoint.security]\ntype = "Basic-Auth"\nusername = "is-admin"\npassword = "<EXTENSION_BASIC_PASSWORD>"');
    expect(toml).toContain('allowed_headers = ["x-wso2-client-id", "x-idempotency-key", "x-jws-signature"]');
  });
  it('renders the OAuth2 (static token) mode with the template warning', () => {
    const toml = renderDeploymentToml({ baseUrl: 'http://h:3000', spec: 'default', extensions: [], security: 'OAuth2' });
    expect(toml).toContain('type = "OAuth2"\ntoken = "<EXTENSION_BEARER_TOKEN>"');
    expect(toml).toContain('<Token>…</UserName>');
  });
});
