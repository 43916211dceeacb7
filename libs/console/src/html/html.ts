/*
 * The console's templates: tagged template literals whose every interpolated value is escaped unless it is already
 * markup built the same way. Whatever the service or a user typed (consent bodies, error texts, request ids) can
 * therefore never become markup.
 */

/** Markup produced by `html` (or `trusted`): inserted as it is. */
export class SafeHtml {
  constructor(readonly markup: string) {}

  toString(): string {
    return this.markup;
  }
}

/** What a template accepts: text (escaped), numbers, markup, lists of those; nothing for undefined, null and false. */
export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[];

export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

function render(value: HtmlValue): string {
  if (value instanceof SafeHtml) {
    return value.markup;
  }
  if (Array.isArray(value)) {
    return (value as readonly HtmlValue[]).map(render).join('');
  }
  if (value === undefined || value === null || value === false) {
    return '';
  }
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): SafeHtml {
  let markup = strings[0];
  values.forEach((value, index) => {
    markup += render(value) + strings[index + 1];
  });
  return new SafeHtml(markup);
}

/** Markup the console itself wrote as a constant (never for data). */
export function trusted(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

/** A JSON value indented for reading, as escaped text. */
export function jsonText(value: unknown): string {
  return value === undefined ? '' : JSON.stringify(value, null, 2);
}
