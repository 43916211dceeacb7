import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { OPENAPI_FILE, generateOpenApiDocument, openApiToYaml } from '../../apps/extension-server/src/openapi-yaml.js';

describe('openapi/extensions.yaml', () => {
  it('is exactly what the code generates (run `npm run build && npm run openapi` after changing routes or schemas)', async () => {
    const generated = openApiToYaml(await generateOpenApiDocument());
    const committed = readFileSync(OPENAPI_FILE, 'utf8');
    expect(parse(committed)).toEqual(parse(generated));
  });
});
