import { isForeignConsent } from './consent-ownership.js';

describe('the owner of a consent', () => {
  it.each<[string, string | null | undefined, { clientId?: string } | undefined, boolean]>([
    ['its own TPP', 'tpp-a', { clientId: 'tpp-a' }, false],
    ['another TPP', 'tpp-b', { clientId: 'tpp-a' }, true],
    ['a TPP, on a consent with no recorded owner', 'tpp-b', {}, true],
    ['a TPP, on no consent', 'tpp-b', undefined, true],
    ['no TPP (the bank itself)', undefined, { clientId: 'tpp-a' }, false],
    ['a null or empty client id (read as absent)', null, { clientId: 'tpp-a' }, false],
    ['an empty client id', '', { clientId: 'tpp-a' }, false],
  ])('%s', (_label, caller, resource, foreign) => {
    expect(isForeignConsent(caller, resource)).toBe(foreign);
  });
});
