import { EXTENSION_NAMES, allowedExtensionName, type ExtensionName, type PointOrigin } from '@app/contract';

export interface DeploymentTomlOptions {
  readonly baseUrl: string;
  readonly spec: string;
  readonly extensions: readonly ExtensionName[];
  readonly security: 'Basic-Auth' | 'OAuth2';
  readonly username?: string;
  /** Headers the specification needs forwarded besides `x-wso2-client-id`. */
  readonly forwardedHeaders?: readonly string[];
  /** Where each point's answer comes from, printed as a comment so an integrator sees what is own, derived or default. */
  readonly origins?: Readonly<Record<ExtensionName, PointOrigin>>;
  /** The specification's own notes for the bank (SpecPlugin.deploymentNotes), printed as comments. */
  readonly notes?: readonly string[];
}

function originComment(origins: Readonly<Record<ExtensionName, PointOrigin>>): string[] {
  const list = (kind: PointOrigin['origin']): ExtensionName[] =>
    EXTENSION_NAMES.filter((name) => origins[name].origin === kind);
  const derivedFrom = [...new Set(list('derived').map((name) => origins[name].from))];
  return [
    `# Points answered by this specification's own handlers: ${list('own').join(', ') || 'none'}.`,
    ...(derivedFrom.length > 0
      ? [`# Points derived from ${derivedFrom.map((id) => `"${id}"`).join(', ')}: ${list('derived').join(', ')}.`]
      : []),
    `# Points left to the default behaviour: ${list('default').join(', ') || 'none'}.`,
  ];
}

/**
 * The `deployment.toml` block that points a WSO2 Identity Server at this service (contract §2.1). The identity
 * server matches `allowed_extensions` against its snake_case enum names and silently ignores unknown ones; the
 * security type is compared exactly, so only `Basic-Auth` and `OAuth2` work.
 */
export function renderDeploymentToml(options: DeploymentTomlOptions): string {
  const baseUrl = `${options.baseUrl.replace(/\/+$/, '')}/${options.spec}`;
  const extensions = options.extensions.map((name) => `    "${allowedExtensionName(name)}",`).join('\n');
  const security =
    options.security === 'Basic-Auth'
      ? [
          'type = "Basic-Auth"',
          `username = "${options.username ?? '<EXTENSION_BASIC_USER>'}"`,
          'password = "<EXTENSION_BASIC_PASSWORD>"',
        ]
      : [
          '# OAuth2 sends this static token as a Bearer token. The shipped template renders it as',
          '# <Token>…</UserName> (invalid XML): fix financial-services.xml.j2 before using this mode.',
          'type = "OAuth2"',
          'token = "<EXTENSION_BEARER_TOKEN>"',
        ];
  return [
    `# Consent extensions: specification "${options.spec}". Paste into <IS_HOME>/repository/conf/deployment.toml.`,
    ...(options.origins ? originComment(options.origins) : []),
    ...(options.notes ?? []).map((line) => `# ${line}`),
    '[financial_services.extensions.endpoint]',
    'enabled = true',
    `base_url = "${baseUrl}"`,
    'allowed_extensions = [',
    extensions,
    ']',
    '# Attempts in total; a read timeout resends the same requestId, which this service answers idempotently.',
    'retry_count = 5',
    'connect_timeout = 5',
    'read_timeout = 5',
    '',
    '[financial_services.extensions.endpoint.security]',
    ...security,
    '',
    '# The TPP client id (and the headers the specification reads) reach the consent-manage points only through this',
    '# allow-list; names are matched exactly, case included.',
    '[financial_services.consent.manage_extension]',
    `allowed_headers = [${['x-wso2-client-id', ...(options.forwardedHeaders ?? [])].map((name) => `"${name}"`).join(', ')}]`,
    '',
  ].join('\n');
}
