import { findLoneSurrogate } from './lone-surrogates.js';

describe(findLoneSurrogate.name, () => {
  it('finds an unpaired surrogate in a value and names its place', () => {
    expect(findLoneSurrogate({ consentResource: { id: 'c-\ud800' } }, 'data')).toEqual({
      path: 'data.consentResource.id',
      codePoint: 'U+D800',
      inKey: false,
    });
    expect(findLoneSurrogate({ list: ['ok', 'x\udfff'] }, 'data')).toEqual({
      path: 'data.list[1]',
      codePoint: 'U+DFFF',
      inKey: false,
    });
    expect(findLoneSurrogate({ 'odd key': { 'a-b': '\udbff' } }, 'data')).toEqual({
      path: 'data["odd key"]["a-b"]',
      codePoint: 'U+DBFF',
      inKey: false,
    });
  });

  it('finds one in a key, naming the object that holds the key', () => {
    expect(findLoneSurrogate({ headers: { 'x-\ud83d': 'v' } }, 'data')).toEqual({
      path: 'data.headers',
      codePoint: 'U+D83D',
      inKey: true,
    });
  });

  it('accepts surrogate pairs (characters beyond the BMP) and everything else well-formed', () => {
    expect(
      findLoneSurrogate({ name: 'Zoë \u{1F600} 東 \u0000 \ufffd', n: 1, b: null, list: [[], {}] }, 'data'),
    ).toBeUndefined();
  });

  it('walks a value nested 100,000 levels deep without recursion', () => {
    let deep: unknown = '\ud800';
    for (let level = 0; level < 100_000; level += 1) {
      deep = [deep];
    }
    expect(findLoneSurrogate(deep, 'data')?.codePoint).toBe('U+D800');
  });
});
