import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/*
 * The AANI payment purpose codes a PaymentPurposeCode must come from ("must be a recognised AANI purpose code", the
 * requirement pages of every payment type). The standards publish the list only as a TypeScript module of their
 * documentation site (community-standards, docs/components/Composables/aaniPaymentCodes.ts); it is vendored byte for
 * byte under assets/aani with a `.txt` suffix, so that no compiler or linter of this repository treats upstream code as
 * ours, and read here as data when the module is created.
 */

const VENDORED_LIST = '../../assets/aani/aaniPaymentCodes.ts.txt';

/** The object literal of `export const purposeCodes = { … } as const`. */
const LIST_BODY = /export const purposeCodes = \{([\s\S]*?)\n\} as const/;
/** One `"ACM": "Agency Commission",` entry; a trailing `// comment` is upstream's note, not part of the entry. */
const ENTRY = /^\s*"([A-Z0-9]{3})"\s*:\s*"([^"\\]*)"\s*,?\s*(?:\/\/.*)?$/;

/** The purpose codes of the published list, each with its description. */
export type AaniPurposeCodes = ReadonlyMap<string, string>;

/**
 * Parses the vendored module. Every line of the object literal must be an entry (or blank): an upstream change of
 * format stops the service at start-up instead of silently shrinking the list.
 */
export function parseAaniPurposeCodes(text: string): AaniPurposeCodes {
  const body = LIST_BODY.exec(text)?.[1];
  if (body === undefined) {
    throw new Error('The AANI purpose-code list has no `export const purposeCodes = { … } as const`');
  }
  const codes = new Map<string, string>();
  for (const line of body.split('\n')) {
    if (line.trim() === '') {
      continue;
    }
    const entry = ENTRY.exec(line);
    if (entry === null) {
      throw new Error(`The AANI purpose-code list has a line that is not a code entry: ${line.trim()}`);
    }
    const [, code, description] = entry as unknown as [string, string, string];
    if (codes.has(code)) {
      throw new Error(`The AANI purpose-code list names ${code} twice`);
    }
    codes.set(code, description);
  }
  if (codes.size === 0) {
    throw new Error('The AANI purpose-code list is empty');
  }
  return codes;
}

/** The vendored list, read and parsed (once, when the module is created). */
export function loadAaniPurposeCodes(): AaniPurposeCodes {
  return parseAaniPurposeCodes(readFileSync(fileURLToPath(new URL(VENDORED_LIST, import.meta.url)), 'utf8'));
}
