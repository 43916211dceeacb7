import { EXTENSION_NAMES, EXTENSION_PORTS, nativePointsOf, type ExtensionName } from '@app/contract';
import { renderDeploymentToml } from '@app/platform';
import { AVAILABLE_SPECS } from '../available-specs.js';
import { parseCliArguments } from './cli-arguments.js';

const USAGE =
  'Usage: npm run toml -- --spec <id> --base-url <http(s)://host:port> [--all] [--security Basic-Auth|OAuth2] [--user <name>]\n' +
  '  --all  enable all 24 points (default: only the points the specification implements natively)';

const args = parseCliArguments(
  {
    spec: { type: 'string' },
    'base-url': { type: 'string' },
    all: { type: 'boolean', default: false },
    security: { type: 'string', default: 'Basic-Auth' },
    user: { type: 'string' },
  },
  USAGE,
);

const create = args.spec === undefined ? undefined : AVAILABLE_SPECS[args.spec];
if (!create || !args['base-url'] || !/^https?:\/\/[^/]+/.test(args['base-url'])) {
  process.stderr.write(`${create ? 'A --base-url with http(s):// is required.' : `Unknown --spec; known: ${Object.keys(AVAILABLE_SPECS).join(', ')}`}\n${USAGE}\n`);
  process.exit(2);
}
const plugin = create(process.env);
if (args.security !== 'Basic-Auth' && args.security !== 'OAuth2') {
  process.stderr.write(`--security must be Basic-Auth or OAuth2\n${USAGE}\n`);
  process.exit(2);
}
const extensions = args.all ? [...EXTENSION_NAMES] : (nativePointsOf(plugin, EXTENSION_PORTS) as ExtensionName[]);
process.stdout.write(
  renderDeploymentToml({
    baseUrl: args['base-url'],
    spec: plugin.id,
    extensions,
    security: args.security,
    username: args.user ?? process.env['EXTENSION_BASIC_USER'],
    forwardedHeaders: plugin.forwardedHeaders,
  }),
);
