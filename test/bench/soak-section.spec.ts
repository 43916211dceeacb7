import { soakWarmupSeconds } from './soak-section.js';

describe('soakWarmupSeconds', () => {
  it('warms up for a tenth of the soak, between 5 and 30 s', () => {
    expect(soakWarmupSeconds(20)).toBe(5);
    expect(soakWarmupSeconds(120)).toBe(12);
    expect(soakWarmupSeconds(300)).toBe(30);
    expect(soakWarmupSeconds(3600)).toBe(30);
  });
});
