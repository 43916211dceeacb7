import { SettingsReader, type JsonObject } from '@app/contract';
import { resolveUkSpecOptions } from '../../uk-spec.options.js';
import {
  chargeBearerRejection,
  creditorAgentRejection,
  exchangeRateRejection,
  internationalScheduledPaymentRules,
  internationalStandingOrderRules,
} from './international-payment.rules.js';

const NOW = Date.parse('2030-01-10T09:00:00Z');
const context = (env: Record<string, string> = {}) => ({ nowMillis: NOW, options: resolveUkSpecOptions(new SettingsReader(env)) });

const initiation = (extra: JsonObject = {}): JsonObject => ({
  InstructionIdentification: 'ACME412',
  CurrencyOfTransfer: 'EUR',
  InstructedAmount: { Amount: '100.00', Currency: 'GBP' },
  CreditorAccount: { SchemeName: 'UK.OBIE.IBAN', Identification: 'DE89370400440532013000', Name: 'Berlin GmbH' },
  ...extra,
});
const scheduled = (extra: JsonObject = {}): JsonObject => ({
  Data: { Permission: 'Create', Initiation: initiation({ RequestedExecutionDateTime: '2030-01-12T09:00:00+00:00', ...extra }) },
  Risk: {},
});
const standingOrder = (extra: JsonObject = {}): JsonObject => {
  // OBInternationalStandingOrder4 has no InstructionIdentification.
  const rest = initiation({ Frequency: 'IntrvlMnthDay:01:15', FirstPaymentDateTime: '2030-01-15T09:00:00+00:00', ...extra });
  delete rest['InstructionIdentification'];
  return { Data: { Permission: 'Create', Initiation: rest }, Risk: {} };
};

describe(exchangeRateRejection.name, () => {
  it.each([
    ['an Agreed rate with both fields', { UnitCurrency: 'GBP', RateType: 'Agreed', ExchangeRate: 1.17, ContractIdentification: 'FX-1' }],
    ['an Actual rate alone', { UnitCurrency: 'GBP', RateType: 'Actual' }],
    ['an Indicative rate alone', { UnitCurrency: 'GBP', RateType: 'Indicative' }],
    ['no exchange-rate information', undefined],
  ])('accepts %s', (_case, rate) => {
    expect(exchangeRateRejection(rate as JsonObject | undefined)).toBeUndefined();
  });

  it.each([
    ['ExchangeRate', { UnitCurrency: 'GBP', RateType: 'Agreed', ContractIdentification: 'FX-1' }],
    ['ContractIdentification', { UnitCurrency: 'GBP', RateType: 'Agreed', ExchangeRate: 1.17 }],
  ])('an Agreed rate without %s is 400 Field.Expected', (field, rate) => {
    expect(exchangeRateRejection(rate)).toMatchObject({ status: 400, code: 'UK.OBIE.Field.Expected', path: `Data.Initiation.ExchangeRateInformation.${field}` });
  });

  it.each([
    ['Actual', 'ExchangeRate', { ExchangeRate: 1.17 }],
    ['Indicative', 'ContractIdentification', { ContractIdentification: 'FX-1' }],
  ])('an %s rate with %s is 400 Field.Unexpected', (rateType, field, extra) => {
    expect(exchangeRateRejection({ UnitCurrency: 'GBP', RateType: rateType, ...extra })).toMatchObject({
      status: 400,
      code: 'UK.OBIE.Field.Unexpected',
      path: `Data.Initiation.ExchangeRateInformation.${field}`,
    });
  });
});

describe(chargeBearerRejection.name, () => {
  it('accepts a charge allocation the bank fulfils, or none', () => {
    expect(chargeBearerRejection('Shared', ['Shared'])).toBeUndefined();
    expect(chargeBearerRejection(undefined, ['Shared'])).toBeUndefined();
  });

  it('refuses one it cannot fulfil: 400 Field.Invalid on Data.Initiation.ChargeBearer', () => {
    expect(chargeBearerRejection('BorneByCreditor', ['Shared'])).toMatchObject({ status: 400, code: 'UK.OBIE.Field.Invalid', path: 'Data.Initiation.ChargeBearer' });
  });
});

describe(creditorAgentRejection.name, () => {
  it.each([
    ['SchemeName and Identification', { SchemeName: 'UK.OBIE.BICFI', Identification: 'DEUTDEFF' }],
    ['Name and PostalAddress', { Name: 'Deutsche Bank', PostalAddress: { Country: 'DE' } }],
  ])('accepts %s', (_case, agent) => {
    expect(creditorAgentRejection(agent)).toBeUndefined();
  });

  it.each([
    ['Identification', { SchemeName: 'UK.OBIE.BICFI' }],
    ['SchemeName', { Identification: 'DEUTDEFF' }],
    ['PostalAddress', { Name: 'Deutsche Bank' }],
  ])('needs %s with its pair (400 Field.Expected)', (missing, agent) => {
    expect(creditorAgentRejection(agent)).toMatchObject({ status: 400, code: 'UK.OBIE.Field.Expected', path: `Data.Initiation.CreditorAgent.${missing}` });
  });
});

describe(internationalScheduledPaymentRules.name, () => {
  it('accepts a valid body', () => {
    expect(internationalScheduledPaymentRules(scheduled(), context())).toBeUndefined();
  });

  it.each([
    ['an execution date in the past', { RequestedExecutionDateTime: '2030-01-09T09:00:00+00:00' }, 'UK.OBIE.Field.InvalidDate', 'Data.Initiation.RequestedExecutionDateTime'],
    ['an unsupported currency of transfer', { CurrencyOfTransfer: 'JPY' }, 'UK.OBIE.Unsupported.Currency', 'Data.Initiation.CurrencyOfTransfer'],
    ['an Indicative rate with a contract', { ExchangeRateInformation: { UnitCurrency: 'GBP', RateType: 'Indicative', ContractIdentification: 'X' } }, 'UK.OBIE.Field.Unexpected', 'Data.Initiation.ExchangeRateInformation.ContractIdentification'],
  ])('refuses %s', (_case, extra, code, path) => {
    expect(internationalScheduledPaymentRules(scheduled(extra), context())).toMatchObject({ status: 400, code, path });
  });
});

describe(internationalStandingOrderRules.name, () => {
  it('accepts a valid body', () => {
    expect(internationalStandingOrderRules(standingOrder(), context())).toBeUndefined();
    expect(internationalStandingOrderRules(standingOrder({ NumberOfPayments: '12' }), context())).toBeUndefined();
  });

  it.each([
    ['NumberOfPayments and FinalPaymentDateTime', { NumberOfPayments: '3', FinalPaymentDateTime: '2030-06-15T09:00:00+00:00' }, 'UK.OBIE.Field.Unexpected', 'Data.Initiation.FinalPaymentDateTime'],
    ['NumberOfPayments "0"', { NumberOfPayments: '0' }, 'UK.OBIE.Field.Invalid', 'Data.Initiation.NumberOfPayments'],
    ['a final payment before the first', { FinalPaymentDateTime: '2030-01-14T09:00:00+00:00' }, 'UK.OBIE.Field.InvalidDate', 'Data.Initiation.FinalPaymentDateTime'],
    ['a first payment in the past', { FirstPaymentDateTime: '2030-01-09T09:00:00+00:00' }, 'UK.OBIE.Field.InvalidDate', 'Data.Initiation.FirstPaymentDateTime'],
    ['a charge allocation the bank cannot fulfil', { ChargeBearer: 'BorneByCreditor' }, 'UK.OBIE.Field.Invalid', 'Data.Initiation.ChargeBearer'],
  ])('refuses %s', (_case, extra, code, path) => {
    expect(internationalStandingOrderRules(standingOrder(extra), context({ UK_SUPPORTED_CHARGE_BEARERS: 'Shared' }))).toMatchObject({ status: 400, code, path });
  });

  it('refuses a frequency the bank does not run with Unsupported.Frequency', () => {
    expect(internationalStandingOrderRules(standingOrder(), context({ UK_SUPPORTED_FREQUENCIES: 'EvryDay' }))).toMatchObject({
      status: 400,
      code: 'UK.OBIE.Unsupported.Frequency',
      path: 'Data.Initiation.Frequency',
    });
  });
});
