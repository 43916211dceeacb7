import type { OpenAPIObject } from '@nestjs/swagger';

type Node = Record<string, unknown>;

const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Moves every schema that carries a `title` (the contract library titles its shared schemas: StoredConsentResource,
 * ScreenAccount, …) into `components.schemas` and refers to it by `$ref`, so that the document names each model once
 * instead of inlining it in every operation. Two different schemas under one title are a bug in the contract library.
 */
export function hoistTitledSchemas(document: OpenAPIObject): OpenAPIObject {
  const components: Record<string, Node> = {};
  const encoded = new Map<string, string>();

  const visit = (value: unknown): unknown => {
    if (Array.isArray(value)) {
      return value.map(visit);
    }
    if (!isNode(value)) {
      return value;
    }
    const visited = Object.fromEntries(Object.entries(value).map(([key, child]) => [key, visit(child)]));
    const title = visited['title'];
    if (typeof title !== 'string' || !('type' in visited)) {
      return visited;
    }
    const json = JSON.stringify(visited);
    const known = encoded.get(title);
    if (known !== undefined && known !== json) {
      throw new Error(`Two different schemas are titled "${title}"`);
    }
    encoded.set(title, json);
    components[title] = visited;
    return { $ref: `#/components/schemas/${title}` };
  };

  const paths = visit(document.paths) as OpenAPIObject['paths'];
  const sorted = Object.fromEntries(Object.entries(components).sort(([a], [b]) => a.localeCompare(b)));
  return {
    ...document,
    paths,
    components: { ...document.components, schemas: { ...document.components?.schemas, ...sorted } },
  };
}
