import { exceedsJsonDepth } from './json-nesting.js';

describe(exceedsJsonDepth.name, () => {
  it('counts the top-level value as depth 1', () => {
    expect(exceedsJsonDepth('{}', 1)).toBe(false);
    expect(exceedsJsonDepth('{"a":[]}', 1)).toBe(true);
    expect(exceedsJsonDepth('{"a":[]}', 2)).toBe(false);
    expect(exceedsJsonDepth('"text"', 0)).toBe(false);
  });

  it('measures the deepest branch, not the number of brackets', () => {
    const wide = `[${Array.from({ length: 1000 }, () => '{"a":[1]}').join(',')}]`;
    expect(exceedsJsonDepth(wide, 3)).toBe(false);
    expect(exceedsJsonDepth(wide, 2)).toBe(true);
  });

  it('ignores brackets inside strings, escaped quotes and backslashes included', () => {
    expect(exceedsJsonDepth(`{"a":"${'[{'.repeat(10_000)}"}`, 1)).toBe(false);
    expect(exceedsJsonDepth('{"a":"\\"[[[","b":"\\\\"}', 1)).toBe(false);
    expect(exceedsJsonDepth('{"a":"\\\\","b":[[]]}', 2)).toBe(true);
  });

  it('handles a million levels without recursion', () => {
    const deep = `${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}`;
    expect(exceedsJsonDepth(deep, 64)).toBe(true);
    expect(exceedsJsonDepth(deep, 1_000_000)).toBe(false);
  });
});
