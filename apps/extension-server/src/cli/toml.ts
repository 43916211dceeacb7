import { EXTENSION_NAMES, pointOrigins, type SpecPlugin } from '@app/contract';
import { renderDeploymentToml } from '@app/platform';
import { BUILT_IN_SPEC_IDS, FALLBACK_SPEC, selectSpecs } from '../available-specs.js';
import { loadServiceConfiguration } from '../service-configuration.js';
import { parseCliArguments } from './cli-arguments.js';

const USAGE =
  'Usage: npm run toml -- --spec <id> --base-url <http(s)://host:port> [--all] [--security Basic-Auth|OAuth2] [--user <name>]\n' +
  '  --all  enable all 24 points (default: the points the specification answers itself or derives from another)';

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

if (!args.spec || !args['base-url'] || !/^https?:\/\/[^/]+/.test(args['base-url'])) {
  process.stderr.write(
    `${args.spec ? 'A --base-url with http(s):// is required.' : `--spec is required; built in: ${BUILT_IN_SPEC_IDS.join(', ')}`}\n${USAGE}\n`,
  );
  process.exit(2);
}
if (args.security !== 'Basic-Auth' && args.security !== 'OAuth2') {
  process.stderr.write(`--security must be Basic-Auth or OAuth2\n${USAGE}\n`);
  process.exit(2);
}
let plugin: SpecPlugin;
let known: Map<string, SpecPlugin>;
try {
  // The modules of EXTENSION_MODULES count too, so a bank's own or derived specification gets its block.
  const { loaded } = await loadServiceConfiguration(process.env, false);
  const { served, bases } = selectSpecs([args.spec], process.env, loaded);
  plugin = served[0];
  known = new Map([...served, ...bases].map((spec) => [spec.id, spec]));
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
  process.exit(2);
}
const origins = pointOrigins(plugin, known, FALLBACK_SPEC.id);
// A point enabled in the identity server replaces its built-in behaviour: enable what this service answers itself.
const answeredHere = EXTENSION_NAMES.filter((name) => origins[name].origin !== 'default');
const extensions = args.all ? [...EXTENSION_NAMES] : answeredHere;
process.stdout.write(
  renderDeploymentToml({
    baseUrl: args['base-url'],
    spec: plugin.id,
    extensions,
    security: args.security,
    username: args.user ?? process.env['EXTENSION_BASIC_USER'],
    forwardedHeaders: plugin.forwardedHeaders,
    origins,
    notes: plugin.deploymentNotes,
  }),
);
