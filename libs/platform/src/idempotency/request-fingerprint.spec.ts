import { createHash } from 'node:crypto';
import { requestFingerprint } from './request-fingerprint.js';

/**
 * Parsed JSON of every shape a body can have, from a seed: nesting, keys out of order, keys that look like array
 * indexes (which a JavaScript object lists first, in numeric order), `__proto__` as an own key, escapes, non-ASCII,
 * large and negative numbers.
 */
function seededJson(seed: number): unknown {
  let state = seed;
  const random = (): number => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
  const keys = ['b', 'a', 'accountId', 'Z', 'é', 'k"q', '10', '2', '0', '__proto__', 'constructor', ''];
  const scalars: unknown[] = ['text', 'qu"ote\\', 'ünïcode', '\u2028', 0, -0, 1e21, -12.5, 7, null, true, false];
  const build = (depth: number): unknown => {
    const pick = random();
    if (depth === 0 || pick < 0.35) {
      return scalars[Math.floor(random() * scalars.length)];
    }
    if (pick < 0.55) {
      return Array.from({ length: Math.floor(random() * 4) }, () => build(depth - 1));
    }
    const text = Array.from({ length: Math.floor(random() * 6) }, () => {
      const key = keys[Math.floor(random() * keys.length)];
      return `${JSON.stringify(key)}:${JSON.stringify(build(depth - 1)) ?? 'null'}`;
    });
    // Parsed, as a body is: `__proto__` is then an own key, not the prototype.
    return JSON.parse(`{${text.join(',')}}`) as unknown;
  };
  return build(5);
}

describe(requestFingerprint.name, () => {
  it('does not depend on key order, at any level', () => {
    const one = { b: [1, { z: 1, a: [] }], a: { y: null, x: true } };
    const other = { a: { x: true, y: null }, b: [1, { a: [], z: 1 }] };
    expect(requestFingerprint(one)).toBe(requestFingerprint(other));
    expect(requestFingerprint({ list: [1, 2] })).not.toBe(requestFingerprint({ list: [2, 1] }));
  });

  it('keeps the digests of records written before it became iterative', () => {
    // Computed by the recursive implementation this one replaced: stored fingerprints must still match retries.
    expect(requestFingerprint({ consentId: 'c-1', isApproved: true, list: [1, 2, { b: 1, a: 2 }] })).toBe(
      'f42426af91d6d4f7bc2d78e8ad215d811e6c78d17b6ebe826038f8260025d636',
    );
  });

  it('keeps the digests of 500 bodies of every shape, as the first implementation computed them', () => {
    const digests = createHash('sha256');
    for (let seed = 1; seed <= 500; seed += 1) {
      digests.update(requestFingerprint(seededJson(seed)));
    }
    expect(digests.digest('hex')).toBe('82d1e507f34e492201b24a78b9141f2e2779001136b719f4fe6c04a39316fafa');
  });

  it('digests a value nested 200,000 levels deep without overflowing the stack', () => {
    let deep: unknown = 'bottom';
    for (let level = 0; level < 100_000; level += 1) {
      deep = [{ a: deep }];
    }
    expect(requestFingerprint(deep)).toMatch(/^[0-9a-f]{64}$/);
  });
});
