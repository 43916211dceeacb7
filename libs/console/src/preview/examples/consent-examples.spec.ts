import { catalogueOf, examplesFor, type ServedSpecInfo } from './consent-examples.js';

const SERVED: ServedSpecInfo[] = [
  { id: 'default', title: 'Default' },
  { id: 'uk', title: 'UK' },
  { id: 'berlin', title: 'Berlin' },
  { id: 'uae', title: 'UAE' },
  { id: 'mybank-uk', title: 'My bank', extends: 'uk' },
  { id: 'mybank-uk-plus', title: 'My bank plus', extends: 'mybank-uk' },
  { id: 'mybank', title: 'My own rules' },
];

describe('The console examples', () => {
  it.each([
    ['uk', 'uk'],
    ['mybank-uk', 'uk'],
    ['mybank-uk-plus', 'uk'],
    ['mybank', 'default'],
  ])('%s takes the examples of %s', (spec, catalogue) => {
    expect(
      catalogueOf(
        SERVED.find((candidate) => candidate.id === spec)!,
        SERVED,
      ),
    ).toBe(catalogue);
  });

  it('follows an extends chain that loops without hanging', () => {
    const loop: ServedSpecInfo[] = [
      { id: 'a', title: 'A', extends: 'b' },
      { id: 'b', title: 'B', extends: 'a' },
    ];
    expect(catalogueOf(loop[0], loop)).toBe('default');
  });

  it.each([
    ['default', ['accounts', 'domestic-payment', 'funds-confirmation']],
    [
      'uk',
      [
        'account-access',
        'domestic-payment',
        'domestic-scheduled-payment',
        'domestic-standing-order',
        'international-payment',
        'funds-confirmation',
        'domestic-vrp',
      ],
    ],
    [
      'berlin',
      [
        'ais-dedicated',
        'ais-bank-offered',
        'ais-global',
        'ais-available-accounts',
        'pis-single',
        'pis-periodic',
        'pis-bulk',
        'piis-funds-confirmation',
      ],
    ],
    ['uae', ['data-sharing', 'single-instant-payment', 'variable-multi-payment']],
  ])('%s has an example of every consent type it supports', (spec, ids) => {
    const examples = examplesFor(
      SERVED.find((candidate) => candidate.id === spec)!,
      SERVED,
      Date.UTC(2026, 0, 15),
    );
    expect(examples.map((example) => example.id)).toEqual(ids);
    for (const example of examples) {
      expect(example.scope).toMatch(/\bopenid\b/);
      expect(Object.keys(example.body).length).toBeGreaterThan(0);
    }
  });

  it('shows the UAE payment PII decrypted, for the console to encrypt when it sends it', () => {
    const [, single] = examplesFor(SERVED[3], SERVED);
    expect(single.preparation).toBe('uae-pii');
    expect((single.body.consent as Record<string, unknown>).PersonalIdentifiableInformation).toMatchObject({
      Initiation: { Creditor: [expect.any(Object)] },
    });
  });
});
