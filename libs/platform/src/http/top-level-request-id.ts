const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;
const MAX_REQUEST_ID_LENGTH = 128;

function skipWhitespace(text: string, from: number): number {
  let index = from;
  while (index < text.length && /\s/.test(text[index])) {
    index += 1;
  }
  return index;
}

/**
 * The `requestId` of the top-level object of a body that is not parsed (not valid JSON, or refused for its depth),
 * so that the 400 can still be correlated: only a plain string member of the outermost object counts, never one
 * nested inside `data`. One loop, no recursion; undefined when there is none.
 */
export function topLevelRequestId(text: string): string | undefined {
  let depth = 0;
  let stringStart = -1;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (stringStart >= 0) {
      if (code === BACKSLASH) {
        index += 1;
      } else if (code === QUOTE) {
        const isRequestIdKey = depth === 1 && text.slice(stringStart + 1, index) === 'requestId';
        stringStart = -1;
        if (isRequestIdKey) {
          const colon = skipWhitespace(text, index + 1);
          const open = skipWhitespace(text, colon + 1);
          if (text.charCodeAt(colon) === COLON && text.charCodeAt(open) === QUOTE) {
            const close = text.indexOf('"', open + 1);
            const value = close < 0 ? '' : text.slice(open + 1, close);
            // Escapes are not decoded here: an id that holds one is not echoed rather than echoed wrong.
            return value.length > 0 && value.length <= MAX_REQUEST_ID_LENGTH && !value.includes('\\')
              ? value
              : undefined;
          }
        }
      }
    } else if (code === QUOTE) {
      stringStart = index;
    } else if (code === OPEN_BRACE || code === OPEN_BRACKET) {
      depth += 1;
    } else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
      depth -= 1;
    }
  }
  return undefined;
}
