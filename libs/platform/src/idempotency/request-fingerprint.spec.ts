import { requestFingerprint } from './request-fingerprint.js';

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

  it('digests a value nested 200,000 levels deep without overflowing the stack', () => {
    let deep: unknown = 'bottom';
    for (let level = 0; level < 100_000; level += 1) {
      deep = [{ a: deep }];
    }
    expect(requestFingerprint(deep)).toMatch(/^[0-9a-f]{64}$/);
  });
});
