import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'yaml';
import { OPENAPI_FILE, generateOpenApiDocument, openApiToYaml } from '../../apps/extension-server/src/openapi-yaml.js';

describe('openapi/extensions.yaml', () => {
  it('is exactly what the code generates (regenerate with `npm run openapi`, or UPDATE_OPENAPI=1 on this test)', async () => {
    const generated = openApiToYaml(await generateOpenApiDocument());
    if (process.env['UPDATE_OPENAPI'] === '1') {
      writeFileSync(OPENAPI_FILE, generated);
    }
    expect(parse(readFileSync(OPENAPI_FILE, 'utf8'))).toEqual(parse(generated));
  });
});
