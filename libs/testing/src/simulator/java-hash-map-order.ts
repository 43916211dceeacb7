/*
 * The order in which a `java.util.HashMap<String, …>` iterates its keys, which is the order org.json's `JSONObject`
 * writes them: the identity server parses a TPP's body into a JSONObject (ConsentUtils.getPayload) and serialises it
 * again, so the keys reach an extension service in this order, not in the TPP's. Everything here is deterministic:
 *
 * - `String.hashCode()`: s[0]·31^(n−1) + … + s[n−1] over UTF-16 code units, in 32-bit two's complement.
 * - `HashMap.hash()` spreads it: h ^ (h >>> 16); the bucket is hash & (capacity − 1).
 * - The capacity starts at 16 and doubles whenever the size exceeds 0.75 × capacity.
 * - Iteration walks the buckets in index order; within a bucket, entries keep their insertion order (a resize splits
 *   a bucket into two lists that both keep it).
 * A bucket is turned into a tree only past 8 colliding keys in a table of 64 or more, which no consent body reaches;
 * that case is not modelled. The unit tests compare with orders printed by a JVM (jvm-fixtures/).
 */

const DEFAULT_CAPACITY = 16;
const LOAD_FACTOR = 0.75;

/** `java.lang.String#hashCode`. */
export function javaStringHashCode(text: string): number {
  let hash = 0;
  for (let index = 0; index < text.length; index += 1) {
    hash = (Math.imul(hash, 31) + text.charCodeAt(index)) | 0;
  }
  return hash;
}

/** `java.util.HashMap#hash`: the high half folded into the low half. */
function spreadHash(key: string): number {
  const hash = javaStringHashCode(key);
  return hash ^ (hash >>> 16);
}

/** The table size of a HashMap built with the default constructor after `size` insertions. */
export function hashMapCapacity(size: number): number {
  let capacity = DEFAULT_CAPACITY;
  while (size > capacity * LOAD_FACTOR) {
    capacity *= 2;
  }
  return capacity;
}

/** The keys in the order a default-constructed HashMap iterates them, given the order they were inserted in. */
export function javaHashMapOrder(insertedKeys: readonly string[]): string[] {
  const mask = hashMapCapacity(insertedKeys.length) - 1;
  return insertedKeys
    .map((key, insertion) => ({ key, insertion, bucket: spreadHash(key) & mask }))
    .sort((left, right) => left.bucket - right.bucket || left.insertion - right.insertion)
    .map((entry) => entry.key);
}
