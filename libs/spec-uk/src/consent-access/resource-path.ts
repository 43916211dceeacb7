/*
 * API resources as the gateway describes them: `electedResource` is the template of the API definition
 * (`/accounts/{AccountId}/balances`), `resourceParams.resource` the path called, with the API context in front and
 * maybe a query string.
 */

/** The template without a trailing slash or query, so that `/accounts/` and `/accounts` are the same resource. */
export function normalisedTemplate(template: string | undefined): string {
  const path = (template ?? '').split('?')[0];
  return path.length > 1 ? path.replace(/\/+$/, '') : path;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The values of the template's `{Name}` parameters in the called path, matched at the end of the path (the API
 * context comes first); undefined when the path is not an instance of the template.
 */
export function pathParameters(template: string, resource: string | undefined): Record<string, string> | undefined {
  if (resource === undefined || resource.length > 4096) {
    return undefined;
  }
  const names: string[] = [];
  const pattern = template
    .split(/(\{[A-Za-z]+\})/)
    .map((part) => {
      const name = /^\{([A-Za-z]+)\}$/.exec(part)?.[1];
      if (name === undefined) {
        return escapeRegExp(part);
      }
      names.push(name);
      return '([^/?#]+)';
    })
    .join('');
  const match = new RegExp(`${pattern}/?(?:\\?.*)?$`).exec(resource);
  if (match === null) {
    return undefined;
  }
  const values: Record<string, string> = {};
  names.forEach((name, index) => {
    values[name] = safeDecode(match[index + 1]);
  });
  return values;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
