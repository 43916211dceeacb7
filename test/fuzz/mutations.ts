import { cloneJson, pathsOf, removeAt, replaceAt, setOwn, valueAt, type JsonPath } from './json-tree.js';

/*
 * What the fuzzer does to a seed, as plain data (so that fast-check generates it and the replay file shows it), and
 * how it is applied. Each mutation picks its place with `at`, an index into the places of the envelope
 * `{requestId, data}` at the moment it applies (modulo their number).
 */

/**
 * Characters that break naive code, by family: the families most likely to crash a handler (unpaired surrogates,
 * which encodeURIComponent and TextEncoder-based code refuse, and malformed percent-escapes, which decodeURIComponent
 * refuses) are listed first, and the fuzzer weighs them up.
 */
export const AWKWARD_TEXT = {
  surrogates: ['\ud800', '\udfff', '\udbff', '\ud83d'],
  percent: ['%', '%ZZ', '%E0%A4%A', '%00', '%2F', '%25'],
  controls: ['\u0000', '\u0001', '\u001f', '\u007f', '\u0085', '\n', '\t', '\r'],
  unicode: [
    '\u00a0',
    '\u2028',
    '\ufeff',
    '\ufffd',
    '\uffff',
    '€',
    '東',
    '\u{1F600}',
    '\u202e',
    'e\u0301',
    'é',
    'ß',
    'İ',
  ],
  syntax: ['"', '\\', '../', '/', '?', '#', '{{x}}', '${x}', ' ', '<script>', "'", ':', ',', '.'],
} as const;

/** Strings that look like other types or like edge values of dates, amounts and identifiers. */
export const TRICKY_STRINGS = [
  '',
  ' ',
  'null',
  'true',
  'NaN',
  '-1',
  '0',
  '1e999',
  '-0.00',
  '99999999999999999999.99',
  '0.000000001',
  '9999-12-31T23:59:59Z',
  '0000-00-00T00:00:00Z',
  '2024-02-30',
  '1970-01-01T00:00:00+99:99',
  'P-1D',
  'GB00XXXX00000000000000',
  'DE89370400440532013000',
  '[]',
  '{}',
] as const;

export type StringEdit =
  | { readonly kind: 'insert'; readonly position: number; readonly text: string }
  | { readonly kind: 'set'; readonly text: string }
  | { readonly kind: 'pad'; readonly side: 'start' | 'end' | 'both'; readonly text: string }
  | { readonly kind: 'case'; readonly upper: boolean }
  | { readonly kind: 'repeat'; readonly times: number };

export type TargetType = 'string' | 'number' | 'boolean' | 'null' | 'array' | 'object';

export type Mutation =
  /** The seed as it was, under a fresh requestId. */
  | { readonly kind: 'keep' }
  | { readonly kind: 'replace'; readonly at: number; readonly value: unknown }
  | { readonly kind: 'remove'; readonly at: number }
  | { readonly kind: 'add-key'; readonly at: number; readonly key: string; readonly value: unknown }
  | { readonly kind: 'rename-key'; readonly at: number; readonly key: string }
  | { readonly kind: 'edit-string'; readonly at: number; readonly edit: StringEdit }
  /** The same edit to every `stride`-th string of the envelope: reaches the one field that matters more often. */
  | { readonly kind: 'edit-all-strings'; readonly stride: number; readonly edit: StringEdit }
  | { readonly kind: 'retype'; readonly at: number; readonly to: TargetType }
  | { readonly kind: 'grow-array'; readonly at: number; readonly copies: number }
  | { readonly kind: 'long-string'; readonly at: number; readonly length: number; readonly text: string }
  /** Wraps a value in `levels` arrays or objects; written as text, so that any depth can be sent. */
  | { readonly kind: 'nest'; readonly at: number; readonly levels: number; readonly bracket: '[' | '{' }
  | { readonly kind: 'request-id'; readonly value: unknown }
  | { readonly kind: 'no-request-id' }
  | { readonly kind: 'data'; readonly value: unknown };

/** The envelope after the mutations, and the nestings still to write into its text. */
export interface MutatedEnvelope {
  readonly envelope: unknown;
  readonly nestings: ReadonlyMap<
    string,
    { readonly levels: number; readonly bracket: '[' | '{'; readonly inner: string }
  >;
}

function describeValue(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** One line per mutation for the report; long values are cut. */
export function describeMutation(mutation: Mutation): string {
  switch (mutation.kind) {
    case 'keep':
    case 'no-request-id':
      return mutation.kind;
    case 'replace':
    case 'data':
    case 'request-id':
      return `${mutation.kind}${'at' in mutation ? `@${mutation.at}` : ''} ${describeValue(mutation.value)}`;
    case 'remove':
      return `remove@${mutation.at}`;
    case 'add-key':
      return `add-key@${mutation.at} ${describeValue(mutation.key)}=${describeValue(mutation.value)}`;
    case 'rename-key':
      return `rename-key@${mutation.at} ${describeValue(mutation.key)}`;
    case 'edit-string':
      return `edit-string@${mutation.at} ${describeValue(mutation.edit)}`;
    case 'edit-all-strings':
      return `edit-all-strings/${mutation.stride} ${describeValue(mutation.edit)}`;
    case 'retype':
      return `retype@${mutation.at} ${mutation.to}`;
    case 'grow-array':
      return `grow-array@${mutation.at} x${mutation.copies}`;
    case 'long-string':
      return `long-string@${mutation.at} ${mutation.length} x ${describeValue(mutation.text)}`;
    case 'nest':
      return `nest@${mutation.at} ${mutation.levels} x ${mutation.bracket}`;
  }
}

/** The places a mutation of this kind makes sense at (strings for a string edit, objects to add a key to, ...). */
function candidates(envelope: unknown, kind: Mutation['kind']): JsonPath[] {
  const paths = pathsOf(envelope);
  const suitable = paths.filter((path) => {
    const value = valueAt(envelope, path);
    switch (kind) {
      case 'edit-string':
      case 'long-string':
        return typeof value === 'string';
      case 'add-key':
        return typeof value === 'object' && value !== null && !Array.isArray(value);
      case 'rename-key':
        return typeof path[path.length - 1] === 'string';
      case 'remove':
        return path.length > 0;
      case 'keep':
      case 'replace':
      case 'edit-all-strings':
      case 'retype':
      case 'grow-array':
      case 'nest':
      case 'request-id':
      case 'no-request-id':
      case 'data':
        return true;
    }
  });
  return suitable.length > 0 ? suitable : paths;
}

/** A copy count or repetition that keeps the grown value within `maxBytes`. */
function boundedTimes(times: number, unitBytes: number, maxBytes: number): number {
  return Math.max(1, Math.min(times, Math.floor(maxBytes / Math.max(1, unitBytes))));
}

function jsonBytes(value: unknown): number {
  return (JSON.stringify(value) ?? 'null').length;
}

function editString(value: string, edit: StringEdit): string {
  switch (edit.kind) {
    case 'insert': {
      const position = value.length === 0 ? 0 : edit.position % (value.length + 1);
      return `${value.slice(0, position)}${edit.text}${value.slice(position)}`;
    }
    case 'set':
      return edit.text;
    case 'pad':
      return `${edit.side === 'end' ? '' : edit.text}${value}${edit.side === 'start' ? '' : edit.text}`;
    case 'case':
      return edit.upper ? value.toUpperCase() : value.toLowerCase();
    case 'repeat':
      return value.repeat(edit.times);
  }
}

function boundedEdit(edit: StringEdit, value: string, maxBytes: number): StringEdit {
  return edit.kind === 'repeat'
    ? { kind: 'repeat', times: boundedTimes(edit.times, value.length * 3, maxBytes) }
    : edit;
}

function retype(value: unknown, to: TargetType): unknown {
  switch (to) {
    case 'string':
      return typeof value === 'string' ? `${value}x` : (JSON.stringify(value) ?? 'undefined');
    case 'number':
      return typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))
        ? Number(value)
        : typeof value === 'number'
          ? -value - 1
          : 1;
    case 'boolean':
      return typeof value === 'boolean' ? !value : value === 'true';
    case 'null':
      return null;
    case 'array':
      return Array.isArray(value) ? [] : [value];
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value) ? {} : { value };
  }
}

/**
 * A copy of a generated value before it goes into the envelope: fast-check hands out some values (`{}`, `[]` of
 * constantFrom) as the same instance every time, and a later mutation edits the envelope in place.
 */
function fresh(value: unknown): unknown {
  return structuredClone(value);
}

/**
 * Applies the mutations in order to a copy of `{requestId, data}`. Growth is bounded so that the text stays around
 * `maxBytes` (a few times the service's body limit): larger inputs would only test the network.
 */
export function applyMutations(
  requestId: string,
  data: unknown,
  mutations: readonly Mutation[],
  maxBytes: number,
): MutatedEnvelope {
  let envelope: unknown = { requestId, data: cloneJson(data) };
  const nestings = new Map<string, { levels: number; bracket: '[' | '{'; inner: string }>();
  for (const mutation of mutations) {
    if (mutation.kind === 'keep') {
      continue;
    }
    const record = (
      typeof envelope === 'object' && envelope !== null && !Array.isArray(envelope) ? envelope : {}
    ) as Record<string, unknown>;
    if (mutation.kind === 'request-id') {
      setOwn(record, 'requestId', fresh(mutation.value));
      envelope = record;
      continue;
    }
    if (mutation.kind === 'no-request-id') {
      delete record['requestId'];
      envelope = record;
      continue;
    }
    if (mutation.kind === 'data') {
      setOwn(record, 'data', fresh(mutation.value));
      envelope = record;
      continue;
    }
    if (mutation.kind === 'edit-all-strings') {
      const strings = candidates(envelope, 'edit-string').filter((path) => typeof valueAt(envelope, path) === 'string');
      for (const [index, path] of strings.entries()) {
        const value = valueAt(envelope, path) as string;
        if (index % mutation.stride === 0) {
          envelope = replaceAt(
            envelope,
            path,
            editString(value, boundedEdit(mutation.edit, value, maxBytes / strings.length)),
          );
        }
      }
      continue;
    }
    const paths = candidates(envelope, mutation.kind);
    const path = paths[mutation.at % paths.length];
    const current = valueAt(envelope, path);
    switch (mutation.kind) {
      case 'replace':
        envelope = replaceAt(envelope, path, fresh(mutation.value));
        break;
      case 'remove':
        removeAt(envelope, path);
        break;
      case 'add-key': {
        const container =
          typeof current === 'object' && current !== null && !Array.isArray(current)
            ? current
            : valueAt(envelope, path.slice(0, -1));
        if (typeof container === 'object' && container !== null && !Array.isArray(container)) {
          setOwn(container as Record<string, unknown>, mutation.key, fresh(mutation.value));
        }
        break;
      }
      case 'rename-key': {
        const parent = valueAt(envelope, path.slice(0, -1));
        const key = path[path.length - 1];
        if (typeof key === 'string' && typeof parent === 'object' && parent !== null && !Array.isArray(parent)) {
          removeAt(envelope, path);
          setOwn(parent as Record<string, unknown>, mutation.key, current);
        }
        break;
      }
      case 'edit-string': {
        const text = typeof current === 'string' ? current : String(JSON.stringify(current));
        envelope = replaceAt(envelope, path, editString(text, boundedEdit(mutation.edit, text, maxBytes)));
        break;
      }
      case 'retype':
        envelope = replaceAt(envelope, path, retype(current, mutation.to));
        break;
      case 'grow-array':
        // Copies, not one value repeated: a later mutation inside one element must not grow every element at once.
        envelope = replaceAt(
          envelope,
          path,
          Array.from({ length: boundedTimes(mutation.copies, jsonBytes(current), maxBytes) }, () =>
            fresh(current ?? null),
          ),
        );
        break;
      case 'long-string':
        envelope = replaceAt(
          envelope,
          path,
          mutation.text
            .repeat(Math.ceil(Math.min(mutation.length, maxBytes) / mutation.text.length))
            .slice(0, mutation.length),
        );
        break;
      case 'nest': {
        // A marker string holds the place; serialiseEnvelope writes the nesting around the value's own text.
        const marker = `\u0000nest-${nestings.size}\u0000`;
        nestings.set(marker, {
          levels: mutation.levels,
          bracket: mutation.bracket,
          inner: JSON.stringify(current ?? null),
        });
        envelope = replaceAt(envelope, path, marker);
        break;
      }
    }
  }
  return { envelope, nestings };
}

/** The JSON text of a mutated envelope, nestings written out. */
export function serialiseEnvelope(mutated: MutatedEnvelope): string {
  let text = JSON.stringify(mutated.envelope) ?? 'null';
  for (const [marker, { levels, bracket, inner }] of mutated.nestings) {
    const open = bracket === '[' ? '['.repeat(levels) : '{"n":'.repeat(levels);
    const close = (bracket === '[' ? ']' : '}').repeat(levels);
    // A later mutation may have copied the marker (grown into an array): only the first copy is nested, so that the
    // text stays bounded; the others get the plain value back.
    const [before, ...after] = text.split(JSON.stringify(marker));
    text = after.length === 0 ? before : `${before}${open}${inner}${close}${after.join(inner)}`;
  }
  return text;
}
