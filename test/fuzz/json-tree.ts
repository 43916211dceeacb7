/*
 * Paths into a JSON value, for mutating one place of a seed. Every walk here is a loop, never recursion: a mutated
 * tree may be deep.
 */

export type JsonPath = readonly (string | number)[];

/** At most this many places are offered for mutation, the first ones in breadth-first order. */
const MAX_PATHS = 2_000;

function isContainer(value: unknown): value is Record<string, unknown> | unknown[] {
  return typeof value === 'object' && value !== null;
}

/** Every place in the value, the root (`[]`) first, breadth first. */
export function pathsOf(root: unknown): JsonPath[] {
  const paths: JsonPath[] = [];
  const queue: Array<{ path: JsonPath; value: unknown }> = [{ path: [], value: root }];
  for (let next = 0; next < queue.length && paths.length < MAX_PATHS; next += 1) {
    const { path, value } = queue[next];
    paths.push(path);
    if (Array.isArray(value)) {
      value.forEach((item: unknown, index) => queue.push({ path: [...path, index], value: item }));
    } else if (isContainer(value)) {
      for (const [key, member] of Object.entries(value)) {
        queue.push({ path: [...path, key], value: member });
      }
    }
  }
  return paths;
}

export function valueAt(root: unknown, path: JsonPath): unknown {
  let value = root;
  for (const key of path) {
    value = isContainer(value) ? (value as Record<string | number, unknown>)[key] : undefined;
  }
  return value;
}

/** The value with the place at `path` replaced; the root itself when the path is empty. Mutates `root`. */
export function replaceAt(root: unknown, path: JsonPath, replacement: unknown): unknown {
  if (path.length === 0) {
    return replacement;
  }
  const parent = valueAt(root, path.slice(0, -1));
  if (isContainer(parent)) {
    setOwn(parent, path[path.length - 1], replacement);
  }
  return root;
}

/**
 * Sets an own property, even one named `__proto__` (which an assignment would turn into a prototype change), so that
 * the serialised text holds exactly the key the mutation meant.
 */
export function setOwn(container: Record<string, unknown> | unknown[], key: string | number, value: unknown): void {
  Object.defineProperty(container, key, { value, writable: true, enumerable: true, configurable: true });
}

/** Removes the place at `path` (an array element is spliced out). Mutates `root`; the root cannot be removed. */
export function removeAt(root: unknown, path: JsonPath): void {
  if (path.length === 0) {
    return;
  }
  const parent = valueAt(root, path.slice(0, -1));
  const key = path[path.length - 1];
  if (Array.isArray(parent) && typeof key === 'number') {
    parent.splice(key, 1);
  } else if (isContainer(parent)) {
    delete (parent as Record<string | number, unknown>)[key];
  }
}

/** A deep copy through JSON, which seeds are. */
export function cloneJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
