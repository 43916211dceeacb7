/** An unpaired UTF-16 surrogate; with the `u` flag, the two halves of a pair are one code point and do not match. */
const LONE_SURROGATE = /\p{Cs}/u;
const PLAIN_KEY = /^[A-Za-z_$][\w$]*$/;

export interface LoneSurrogate {
  /** Where it is, as `data.consentResource.id`, `data.list[2]` or `data["odd key"]` (a key holding one: its parent). */
  readonly path: string;
  /** `U+D800`. */
  readonly codePoint: string;
  readonly inKey: boolean;
}

interface Place {
  readonly value: unknown;
  readonly parent: Place | undefined;
  readonly key: string | number | undefined;
}

function pathOf(place: Place, root: string): string {
  const parts: string[] = [];
  for (let at: Place | undefined = place; at?.key !== undefined; at = at.parent) {
    const key = at.key;
    parts.push(typeof key === 'number' ? `[${key}]` : PLAIN_KEY.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`);
  }
  return root + parts.reverse().join('');
}

function codePointOf(text: string): string | undefined {
  const found = LONE_SURROGATE.exec(text)?.[0];
  return found === undefined ? undefined : `U+${found.charCodeAt(0).toString(16).toUpperCase()}`;
}

/** `String.prototype.isWellFormed` (ES2024, Node 20+): true when a string holds no unpaired surrogate. */
interface WellFormedText {
  isWellFormed(): boolean;
}

const isWellFormed = (text: string): boolean => (text as unknown as WellFormedText).isWellFormed();

/** Whether any string or key in the value holds an unpaired surrogate: the fast pass, run on every call. */
function holdsLoneSurrogate(value: unknown): boolean {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const current = pending.pop();
    if (typeof current === 'string') {
      if (!isWellFormed(current)) {
        return true;
      }
    } else if (Array.isArray(current)) {
      for (const item of current as unknown[]) {
        pending.push(item);
      }
    } else if (typeof current === 'object' && current !== null) {
      for (const key in current) {
        if (!isWellFormed(key)) {
          return true;
        }
        pending.push((current as Record<string, unknown>)[key]);
      }
    }
  }
  return false;
}

/**
 * The first string or key of a parsed body that holds an unpaired surrogate, or undefined. JSON text may write one as
 * an escape (`"\ud800"`), but it is not Unicode text: encodeURIComponent, TextEncoder and the database drivers refuse
 * or alter it, so a handler that builds a link or stores the value would fail. The identity server never sends one
 * (its ISO-8859-1 encoder turns every character it cannot encode into `?`). One loop over the tree, no recursion.
 */
export function findLoneSurrogate(value: unknown, root: string): LoneSurrogate | undefined {
  // Nearly every call holds none: a walk without allocations says so; only a call that does is walked again for where.
  if (!holdsLoneSurrogate(value)) {
    return undefined;
  }
  const pending: Place[] = [{ value, parent: undefined, key: undefined }];
  while (pending.length > 0) {
    const place = pending.pop()!;
    const current = place.value;
    if (typeof current === 'string') {
      const codePoint = codePointOf(current);
      if (codePoint !== undefined) {
        return { path: pathOf(place, root), codePoint, inKey: false };
      }
    } else if (Array.isArray(current)) {
      current.forEach((item: unknown, index) => pending.push({ value: item, parent: place, key: index }));
    } else if (typeof current === 'object' && current !== null) {
      for (const [key, member] of Object.entries(current)) {
        const codePoint = codePointOf(key);
        if (codePoint !== undefined) {
          return { path: pathOf(place, root), codePoint, inKey: true };
        }
        pending.push({ value: member, parent: place, key });
      }
    }
  }
  return undefined;
}
