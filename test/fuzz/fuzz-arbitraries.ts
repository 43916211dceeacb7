import fc from 'fast-check';
import { AWKWARD_TEXT, TRICKY_STRINGS, type Mutation, type StringEdit, type TargetType } from './mutations.js';
import type { ByteDamage, ContentTypeChoice, Encoding, Transport } from './transport.js';

/*
 * The fast-check arbitraries of one fuzz input: which point of which specification, which seed, what mutations and
 * how the bytes travel. Weights keep most inputs close to a real call (so that they get past the envelope checks into
 * the handlers) and make the expensive ones (huge sizes, deep nesting) rare.
 */

/** A plan: everything random about one input; the campaign gives it a requestId and builds the bytes. */
export interface FuzzPlan {
  readonly target: number;
  readonly seed: number;
  readonly mutations: readonly Mutation[];
  readonly transport: Transport;
}

const SPECIAL_NUMBERS = [
  0,
  -0,
  -1,
  1.5,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 53 + 2,
  Number.MAX_SAFE_INTEGER,
  1e308,
  -1e308,
  5e-324,
  0.1 + 0.2,
];

const awkwardText = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...AWKWARD_TEXT.surrogates) },
  { weight: 3, arbitrary: fc.constantFrom(...AWKWARD_TEXT.percent) },
  { weight: 2, arbitrary: fc.constantFrom(...AWKWARD_TEXT.controls) },
  { weight: 2, arbitrary: fc.constantFrom(...AWKWARD_TEXT.unicode) },
  { weight: 2, arbitrary: fc.constantFrom(...AWKWARD_TEXT.syntax) },
);

const awkwardString = fc
  .array(
    fc.oneof(
      { weight: 3, arbitrary: awkwardText },
      { weight: 2, arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 6 }) },
    ),
    {
      minLength: 1,
      maxLength: 6,
    },
  )
  .map((parts) => parts.join(''));

const anyString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...TRICKY_STRINGS) },
  { weight: 3, arbitrary: awkwardString },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 24 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 24 }) },
);

const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
  { weight: 3, arbitrary: anyString },
  { weight: 2, arbitrary: fc.constantFrom(...SPECIAL_NUMBERS) },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, [], {}) },
);

const keyName = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '__proto__',
      'constructor',
      'prototype',
      '',
      ' ',
      'requestId',
      'data',
      'consentId',
      'toString',
      'hasOwnProperty',
      'length',
      '0',
      'Data',
      'DATA',
      'id',
      'type',
      'status',
    ),
  },
  { weight: 2, arbitrary: awkwardString },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
);

const stringEdit: fc.Arbitrary<StringEdit> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({ kind: fc.constant('insert' as const), position: fc.noBias(fc.nat()), text: awkwardText }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('set' as const), text: anyString }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('pad' as const),
      side: fc.constantFrom('start' as const, 'end' as const, 'both' as const),
      text: fc.constantFrom(' ', '  ', '\t', '\u00a0', '\u0000', '\n'),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('case' as const), upper: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('repeat' as const), times: fc.integer({ min: 2, max: 40 }) }) },
);

/** Places, targets and seeds are picked uniformly: fast-check's bias towards small numbers would favour the first. */
const at = fc.noBias(fc.nat());

function mutation(bodyLimitBytes: number): fc.Arbitrary<Mutation> {
  return fc.oneof(
    { weight: 8, arbitrary: fc.constant({ kind: 'keep' as const }) },
    { weight: 12, arbitrary: fc.record({ kind: fc.constant('replace' as const), at, value: anyValue }) },
    { weight: 8, arbitrary: fc.record({ kind: fc.constant('remove' as const), at }) },
    { weight: 7, arbitrary: fc.record({ kind: fc.constant('add-key' as const), at, key: keyName, value: anyValue }) },
    { weight: 5, arbitrary: fc.record({ kind: fc.constant('rename-key' as const), at, key: keyName }) },
    { weight: 20, arbitrary: fc.record({ kind: fc.constant('edit-string' as const), at, edit: stringEdit }) },
    {
      weight: 12,
      arbitrary: fc.record({
        kind: fc.constant('edit-all-strings' as const),
        stride: fc.integer({ min: 1, max: 4 }),
        edit: stringEdit,
      }),
    },
    {
      weight: 12,
      arbitrary: fc.record({
        kind: fc.constant('retype' as const),
        at,
        to: fc.constantFrom<TargetType>('string', 'number', 'boolean', 'null', 'array', 'object'),
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant('grow-array' as const),
        at,
        copies: fc.oneof(
          { weight: 9, arbitrary: fc.integer({ min: 2, max: 60 }) },
          { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 20_000 }) },
        ),
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant('long-string' as const),
        at,
        length: fc.oneof(
          { weight: 8, arbitrary: fc.integer({ min: 100, max: 5_000 }) },
          { weight: 3, arbitrary: fc.integer({ min: 20_000, max: 300_000 }) },
          // Just under and over the body limit the fuzzed service runs with.
          { weight: 1, arbitrary: fc.integer({ min: bodyLimitBytes - 2_000, max: bodyLimitBytes + 64 * 1024 }) },
        ),
        text: fc.constantFrom('x', 'é', '東', '\u{1F600}', ' ', '\\', '"', '\u0000'),
      }),
    },
    {
      weight: 3,
      arbitrary: fc.record({
        kind: fc.constant('nest' as const),
        at,
        levels: fc.oneof(
          { weight: 5, arbitrary: fc.integer({ min: 1, max: 50 }) },
          { weight: 2, arbitrary: fc.integer({ min: 50, max: 70 }) },
          { weight: 2, arbitrary: fc.integer({ min: 100, max: 20_000 }) },
        ),
        bracket: fc.constantFrom('[' as const, '{' as const),
      }),
    },
    {
      weight: 4,
      arbitrary: fc.record({
        kind: fc.constant('request-id' as const),
        value: fc.oneof(
          { weight: 3, arbitrary: anyString },
          { weight: 1, arbitrary: fc.constantFrom('x'.repeat(128), 'x'.repeat(129), 'abc ', ' abc', 'ABC', 'abc') },
          { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 1 }) },
        ),
      }),
    },
    { weight: 1, arbitrary: fc.constant({ kind: 'no-request-id' as const }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('data' as const), value: anyValue }) },
  );
}

const encoding: fc.Arbitrary<Encoding> = fc.oneof(
  { weight: 14, arbitrary: fc.constant<Encoding>('identity-server') },
  { weight: 3, arbitrary: fc.constant<Encoding>('utf-8') },
  { weight: 2, arbitrary: fc.constant<Encoding>('utf-8 declared') },
  { weight: 1, arbitrary: fc.constantFrom<Encoding>('latin-1 declared', 'utf-16 declared', 'utf-8 with BOM') },
);

const contentType: fc.Arbitrary<ContentTypeChoice> = fc.oneof(
  { weight: 30, arbitrary: fc.constant<ContentTypeChoice>('application/json') },
  {
    weight: 1,
    arbitrary: fc.constantFrom<ContentTypeChoice>(
      'none',
      'text/plain',
      'application/json; charset=ebcdic',
      'APPLICATION/JSON',
      'application/json;;',
    ),
  },
);

const damage: fc.Arbitrary<ByteDamage> = fc.oneof(
  { weight: 30, arbitrary: fc.constant<ByteDamage>({ kind: 'none' }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('truncate' as const), at }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('flip' as const), at, byte: fc.integer({ min: 0, max: 255 }) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('append' as const),
      bytes: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 8 }),
    }),
  },
  { weight: 1, arbitrary: fc.constant<ByteDamage>({ kind: 'empty' }) },
);

export function planArbitrary(targetCount: number, bodyLimitBytes: number): fc.Arbitrary<FuzzPlan> {
  return fc.record({
    target: fc.noBias(fc.integer({ min: 0, max: targetCount - 1 })),
    seed: fc.noBias(fc.nat()),
    mutations: fc.array(mutation(bodyLimitBytes), { minLength: 1, maxLength: 3 }),
    transport: fc.record({ encoding, contentType, damage }),
  });
}
