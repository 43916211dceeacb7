const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;

/** The index of the quote that closes the string opened at `start`, or -1 when it is not closed. */
function stringEnd(text: string, start: number): number {
  let end = start;
  for (;;) {
    end = text.indexOf('"', end + 1);
    if (end < 0) {
      return -1;
    }
    // A quote after an odd number of backslashes is escaped, part of the string.
    let backslashes = 0;
    while (text.charCodeAt(end - 1 - backslashes) === BACKSLASH) {
      backslashes += 1;
    }
    if (backslashes % 2 === 0) {
      return end;
    }
  }
}

/**
 * Whether JSON text nests objects and arrays deeper than `maxDepth` (the top-level value is depth 1). One loop and
 * no recursion, so that it is safe to run on any input before JSON.parse and before the recursive code behind it
 * (schema validation, the specifications' own walks) ever sees the value. Strings are skipped with indexOf, so the
 * loop runs over the structure only (a 1 MB file upload costs microseconds): brackets inside strings do not count.
 * On text that is not JSON the answer means nothing, but JSON.parse refuses such text anyway.
 */
export function exceedsJsonDepth(text: string, maxDepth: number): boolean {
  let depth = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === QUOTE) {
      index = stringEnd(text, index);
      if (index < 0) {
        return false;
      }
    } else if (code === OPEN_BRACE || code === OPEN_BRACKET) {
      depth += 1;
      if (depth > maxDepth) {
        return true;
      }
    } else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
      depth -= 1;
    }
  }
  return false;
}
