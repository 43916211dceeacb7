import { loadAaniPurposeCodes, parseAaniPurposeCodes } from './aani-purpose-codes.js';

describe('the AANI purpose-code list', () => {
  it('reads every code of the vendored list with its description, the notes after an entry ignored', () => {
    const codes = loadAaniPurposeCodes();
    expect(codes.size).toBe(100);
    expect(codes.get('ACM')).toBe('Agency Commission');
    expect(codes.get('UTL')).toBe('Utility');
    expect(codes.get('TCP')).toBe('Trade credits and advances payable');
    expect(codes.has('ULT')).toBe(false);
    expect([...codes.keys()].every((code) => /^[A-Z]{3}$/.test(code))).toBe(true);
  });

  it.each([
    ['no list', 'export const other = {}', 'has no `export const purposeCodes'],
    [
      'a line that is not an entry',
      'export const purposeCodes = {\n  "ACM": "A",\n  ACX: 1,\n} as const',
      'a line that is not a code entry: ACX: 1,',
    ],
    ['a code named twice', 'export const purposeCodes = {\n  "ACM": "A",\n  "ACM": "B"\n} as const', 'names ACM twice'],
    ['an empty list', 'export const purposeCodes = {\n\n} as const', 'is empty'],
  ])('stops on %s instead of shrinking the list', (_label, text, message) => {
    expect(() => parseAaniPurposeCodes(text)).toThrow(message);
  });
});
