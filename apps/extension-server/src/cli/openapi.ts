import { writeFileSync } from 'node:fs';
import { OPENAPI_FILE, generateOpenApiDocument, openApiToYaml } from '../openapi-yaml.js';

/** `npm run openapi`: regenerates the committed OpenAPI document from the code. */
const document = await generateOpenApiDocument();
writeFileSync(OPENAPI_FILE, openApiToYaml(document));
process.stdout.write(`Wrote ${OPENAPI_FILE} (${Object.keys(document.paths).length} paths)\n`);
