import type { JsonObject } from '@app/contract';
import { standingOrderScheduleRejection } from './standing-order-schedule.rules.js';

const FIRST = '2030-01-10T09:00:00+00:00';

function initiation(fields: JsonObject = {}): JsonObject {
  return {
    Frequency: 'EvryWorkgDay',
    FirstPaymentDateTime: FIRST,
    FirstPaymentAmount: { Amount: '10.00', Currency: 'GBP' },
    CreditorAccount: {
      SchemeName: 'UK.OBIE.SortCodeAccountNumber',
      Identification: '08080021325698',
      Name: 'ACME Inc',
    },
    ...fields,
  };
}

describe(standingOrderScheduleRejection.name, () => {
  it.each([
    ['an open-ended order', {}],
    ['an order ending after a number of payments', { NumberOfPayments: '12' }],
    ['a number of payments written with leading zeros', { NumberOfPayments: '012' }],
    ['an order ending on a final date', { FinalPaymentDateTime: '2030-12-10T09:00:00+00:00' }],
    [
      'a different recurring amount and a later recurring date',
      {
        RecurringPaymentAmount: { Amount: '12.50', Currency: 'GBP' },
        RecurringPaymentDateTime: '2030-02-10T09:00:00+00:00',
      },
    ],
    ['a recurring amount in another currency', { RecurringPaymentAmount: { Amount: '10.00', Currency: 'EUR' } }],
    ['a final payment on the day of the first', { FinalPaymentDateTime: FIRST }],
  ])('accepts %s', (_case, fields) => {
    expect(standingOrderScheduleRejection(initiation(fields))).toBeUndefined();
  });

  it('refuses NumberOfPayments with FinalPaymentDateTime as Field.Unexpected on FinalPaymentDateTime', () => {
    expect(
      standingOrderScheduleRejection(
        initiation({ NumberOfPayments: '12', FinalPaymentDateTime: '2030-12-10T09:00:00+00:00' }),
      ),
    ).toEqual({
      status: 400,
      code: 'UK.OBIE.Field.Unexpected',
      message:
        'FinalPaymentDateTime must not be given with NumberOfPayments: a standing order ends after a number of payments or on a final date, not both',
      path: 'Data.Initiation.FinalPaymentDateTime',
    });
  });

  it('reports the mutual exclusion before every other schedule problem', () => {
    const everythingWrong = initiation({
      NumberOfPayments: '0',
      FinalPaymentDateTime: '2029-01-01T00:00:00+00:00',
      RecurringPaymentDateTime: FIRST,
      RecurringPaymentAmount: { Amount: '10', Currency: 'GBP' },
    });
    expect(standingOrderScheduleRejection(everythingWrong)).toMatchObject({
      code: 'UK.OBIE.Field.Unexpected',
      path: 'Data.Initiation.FinalPaymentDateTime',
    });
  });

  it.each(['0', '000', '1.5', '-3', 'twelve', ''])('refuses NumberOfPayments "%s" as Field.Invalid', (count) => {
    expect(standingOrderScheduleRejection(initiation({ NumberOfPayments: count }))).toEqual({
      status: 400,
      code: 'UK.OBIE.Field.Invalid',
      message: 'NumberOfPayments must be a whole number of payments above 0',
      path: 'Data.Initiation.NumberOfPayments',
    });
  });

  it('refuses a NumberOfPayments that is not text as Field.Invalid', () => {
    expect(standingOrderScheduleRejection(initiation({ NumberOfPayments: 12 }))).toMatchObject({
      code: 'UK.OBIE.Field.Invalid',
      path: 'Data.Initiation.NumberOfPayments',
    });
  });

  it('refuses a recurring date equal to the first as Field.Unexpected, and one before it as Field.InvalidDate', () => {
    expect(standingOrderScheduleRejection(initiation({ RecurringPaymentDateTime: '2030-01-10T09:00:00Z' }))).toEqual({
      status: 400,
      code: 'UK.OBIE.Field.Unexpected',
      message: 'RecurringPaymentDateTime must only be given when it differs from FirstPaymentDateTime',
      path: 'Data.Initiation.RecurringPaymentDateTime',
    });
    expect(
      standingOrderScheduleRejection(initiation({ RecurringPaymentDateTime: '2030-01-09T09:00:00+00:00' })),
    ).toEqual({
      status: 400,
      code: 'UK.OBIE.Field.InvalidDate',
      message: 'RecurringPaymentDateTime must not be before FirstPaymentDateTime',
      path: 'Data.Initiation.RecurringPaymentDateTime',
    });
  });

  it('refuses a recurring amount equal to the first amount (whatever its notation) as Field.Unexpected', () => {
    expect(
      standingOrderScheduleRejection(initiation({ RecurringPaymentAmount: { Amount: '10', Currency: 'GBP' } })),
    ).toEqual({
      status: 400,
      code: 'UK.OBIE.Field.Unexpected',
      message: 'RecurringPaymentAmount must only be given when it differs from FirstPaymentAmount',
      path: 'Data.Initiation.RecurringPaymentAmount',
    });
  });

  it('refuses a final payment before the first payment or before the first recurring payment', () => {
    expect(
      standingOrderScheduleRejection(initiation({ FinalPaymentDateTime: '2030-01-09T09:00:00+00:00' })),
    ).toMatchObject({
      code: 'UK.OBIE.Field.InvalidDate',
      path: 'Data.Initiation.FinalPaymentDateTime',
      message: 'FinalPaymentDateTime must not be before FirstPaymentDateTime',
    });
    expect(
      standingOrderScheduleRejection(
        initiation({
          RecurringPaymentDateTime: '2030-03-01T09:00:00+00:00',
          FinalPaymentDateTime: '2030-02-01T09:00:00+00:00',
        }),
      ),
    ).toMatchObject({
      code: 'UK.OBIE.Field.InvalidDate',
      path: 'Data.Initiation.FinalPaymentDateTime',
      message: 'FinalPaymentDateTime must not be before RecurringPaymentDateTime',
    });
  });

  it('has nothing to check without an initiation', () => {
    expect(standingOrderScheduleRejection(undefined)).toBeUndefined();
  });
});
