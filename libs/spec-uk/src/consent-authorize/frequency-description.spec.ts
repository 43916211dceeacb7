import { describeFrequency } from './frequency-description.js';

describe(describeFrequency.name, () => {
  it.each([
    ['EvryDay', 'Every day'],
    ['EvryWorkgDay', 'Every working day'],
    ['IntrvlDay:10', 'Every 10 days'],
    ['IntrvlWkDay:01:03', 'Every week on Wednesday'],
    ['IntrvlWkDay:02:07', 'Every 2 weeks on Sunday'],
    ['WkInMnthDay:02:01', 'Every month on the second Monday'],
    ['IntrvlMnthDay:01:15', 'Every month on day 15'],
    ['IntrvlMnthDay:06:-01', 'Every 6 months on the last day'],
    ['IntrvlMnthDay:01:-02', 'Every month 1 day before the last day'],
    ['IntrvlMnthDay:12:-05', 'Every 12 months 4 days before the last day'],
    ['QtrDay:ENGLISH', 'Every quarter, on 25 March, 24 June, 29 September and 25 December'],
    ['Fortnightly', 'Fortnightly'],
  ])('%s is "%s"', (frequency, text) => {
    expect(describeFrequency(frequency)).toBe(text);
  });
});
