import { EXTENSION_NAMES, type ExtensionName, type PointOrigin } from '@app/contract';
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
    expect(toml).toContain(
      '[financial_services.extensions.endpoint]\nenabled = true\nbase_url = "https://ext.bank.example:8443/uk"\n',
    );
    expect(toml).toContain(
      'allowed_extensions = [\n    "pre_process_consent_creation",\n    "validate_consent_access",\n]',
    );
    expect(toml).toContain(
      '[financial_services.extensions.endpoint.security]\ntype = "Basic-Auth"\nusername = "is-admin"\npassword = "<EXTENSION_BASIC_PASSWORD>"',
    );
    expect(toml).toContain('allowed_headers = ["x-wso2-client-id", "x-idempotency-key", "x-jws-signature"]');
  });
  it('renders the OAuth2 (static token) mode with the template warning', () => {
    const toml = renderDeploymentToml({
      baseUrl: 'http://h:3000',
      spec: 'default',
      extensions: [],
      security: 'OAuth2',
    });
    expect(toml).toContain('type = "OAuth2"\ntoken = "<EXTENSION_BEARER_TOKEN>"');
    expect(toml).toContain('<Token>…</UserName>');
  });

  it("prints where each point comes from and the specification's notes for the bank, as comments", () => {
    const toml = renderDeploymentToml({
      baseUrl: 'http://ext:3000',
      spec: 'mybank-uk',
      extensions: ['populate-consent-authorize-screen', 'pre-process-consent-creation'],
      security: 'Basic-Auth',
      origins: Object.fromEntries(
        EXTENSION_NAMES.map((name) => [
          name,
          name === 'populate-consent-authorize-screen'
            ? { origin: 'own', from: 'mybank-uk' }
            : name === 'pre-process-consent-creation'
              ? { origin: 'derived', from: 'uk' }
              : { origin: 'default', from: 'default' },
        ]),
      ) as Record<ExtensionName, PointOrigin>,
      notes: ['Verify x-jws-signature at the gateway.'],
    });
    expect(toml).toContain(
      "# Points answered by this specification's own handlers: populate-consent-authorize-screen.\n",
    );
    expect(toml).toContain('# Points derived from "uk": pre-process-consent-creation.\n');
    expect(toml).toContain('# Verify x-jws-signature at the gateway.\n');
  });
});
