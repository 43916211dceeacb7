import { currencyAmountRejection, positiveAmountRejection, supportedCurrencyRejection } from './amount.rules.js';

const AMOUNT = 'Data.Initiation.InstructedAmount.Amount';
const CURRENCY = 'Data.Initiation.InstructedAmount.Currency';
const notPositive = (path: string) => ({
  status: 400,
  code: 'UK.OBIE.Field.Invalid',
  message: `${path} must be greater than 0`,
  path,
});

describe(positiveAmountRejection.name, () => {
  it.each(['0.00001', '1', '165.88', '9999999999999.99999'])('accepts %s', (amount) => {
    expect(positiveAmountRejection(amount, AMOUNT)).toBeUndefined();
  });

  it.each([
    ['"0.00" (IMPL: the schema allows it)', '0.00'],
    ['"0"', '0'],
    ['text that is no amount', '12.345678'],
    ['a number instead of text', 12],
    ['nothing', undefined],
  ])('refuses %s: 400 Field.Invalid', (_case, amount) => {
    expect(positiveAmountRejection(amount, AMOUNT)).toEqual(notPositive(AMOUNT));
  });
});

describe(supportedCurrencyRejection.name, () => {
  it('accepts a currency the bank handles', () => {
    expect(supportedCurrencyRejection('EUR', CURRENCY, ['GBP', 'EUR'])).toBeUndefined();
  });

  it.each([
    ['a well-formed currency the bank does not handle (UK-24 "XYZ")', 'XYZ', '"XYZ"'],
    ['no currency', undefined, '"undefined"'],
  ])('refuses %s: 400 Unsupported.Currency', (_case, currency, shown) => {
    expect(supportedCurrencyRejection(currency, CURRENCY, ['GBP', 'EUR'])).toEqual({
      status: 400,
      code: 'UK.OBIE.Unsupported.Currency',
      message: `${CURRENCY} ${shown} is not supported (accepted: GBP, EUR)`,
      path: CURRENCY,
    });
  });
});

describe(currencyAmountRejection.name, () => {
  const PATH = 'Data.Initiation.InstructedAmount';

  it('accepts an amount above zero in a supported currency, and no amount at all', () => {
    expect(currencyAmountRejection({ Amount: '10.00', Currency: 'GBP' }, PATH, ['GBP'])).toBeUndefined();
    expect(currencyAmountRejection(undefined, PATH, ['GBP'])).toBeUndefined();
  });

  it('checks the amount before the currency, each on its own path', () => {
    expect(currencyAmountRejection({ Amount: '0', Currency: 'JPY' }, PATH, ['GBP'])).toEqual(notPositive(AMOUNT));
    expect(currencyAmountRejection({ Amount: '1', Currency: 'JPY' }, PATH, ['GBP'])).toEqual({
      status: 400,
      code: 'UK.OBIE.Unsupported.Currency',
      message: `${CURRENCY} "JPY" is not supported (accepted: GBP)`,
      path: CURRENCY,
    });
  });
});
