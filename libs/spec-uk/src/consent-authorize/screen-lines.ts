import type { JsonObject } from '@app/contract';
import { isJsonObject, objectAt, stringAt, stringsAt } from '../shared/json.js';
import { formatScaled } from '../shared/amount.js';
import type { PaymentFileSummary } from '../consent-manage/file/payment-file-summary.js';
import type { MultiAuthorisation } from './multi-authorisation.js';
import { describeFrequency } from './frequency-description.js';
import { describePermission } from './permission-descriptions.js';

/*
 * The lines of the consent page (`basicConsentData`: one box per title, the values as bullets), in plain language.
 */

export type ScreenBoxes = Record<string, string[]>;

function dateLine(value: unknown): string | undefined {
  if (typeof value !== 'string') {
    return undefined;
  }
  const millis = Date.parse(value);
  return Number.isNaN(millis) ? value : new Date(millis).toUTCString();
}

function add(boxes: ScreenBoxes, title: string, lines: ReadonlyArray<string | undefined>): void {
  const present = lines.filter((line): line is string => line !== undefined && line !== '');
  if (present.length > 0) {
    boxes[title] = present;
  }
}

export function amountLine(amount: JsonObject | undefined): string | undefined {
  const value = stringAt(amount, 'Amount');
  const currency = stringAt(amount, 'Currency');
  return value === undefined || currency === undefined ? undefined : `${value} ${currency}`;
}

/** An account as a customer recognises it: name, then scheme-specific identification. */
export function accountLines(account: JsonObject | undefined): string[] {
  if (account === undefined) {
    return [];
  }
  const identification = stringAt(account, 'Identification') ?? '';
  const scheme = stringAt(account, 'SchemeName');
  const number =
    scheme === 'UK.OBIE.SortCodeAccountNumber' && identification.length === 14
      ? `Sort code ${identification.slice(0, 2)}-${identification.slice(2, 4)}-${identification.slice(4, 6)}, account number ${identification.slice(6)}`
      : scheme === 'UK.OBIE.IBAN'
        ? `IBAN ${identification}`
        : `${scheme?.replace('UK.OBIE.', '') ?? 'Account'} ${identification}`;
  return [
    stringAt(account, 'Name'),
    number,
    stringAt(account, 'SecondaryIdentification') && `Reference number ${stringAt(account, 'SecondaryIdentification')}`,
  ].filter((line): line is string => typeof line === 'string' && line !== '');
}

export function accountAccessBoxes(data: JsonObject | undefined): { boxes: ScreenBoxes; descriptions: string[] } {
  const boxes: ScreenBoxes = {};
  add(boxes, 'Access expires', [dateLine(data?.['ExpirationDateTime']) ?? 'No expiry date: until you withdraw it']);
  add(boxes, 'Transactions from', [dateLine(data?.['TransactionFromDateTime'])]);
  add(boxes, 'Transactions until', [dateLine(data?.['TransactionToDateTime'])]);
  return { boxes, descriptions: stringsAt(data, 'Permissions').map(describePermission) };
}

const CHARGE_BEARERS: Readonly<Record<string, string>> = {
  BorneByCreditor: 'Paid by the payee',
  BorneByDebtor: 'Paid by you',
  FollowingServiceLevel: 'As the payment scheme sets them',
  Shared: "Shared: you pay your bank's charges, the payee pays theirs",
};

function chargeBearerLine(chargeBearer: string | undefined): string | undefined {
  return chargeBearer === undefined ? undefined : (CHARGE_BEARERS[chargeBearer] ?? chargeBearer);
}

/** An agreed rate with its contract; an actual or indicative one is the rate on the day of the payment. */
function exchangeRateLines(rate: JsonObject | undefined, currencyOfTransfer: string | undefined): string[] {
  const rateType = stringAt(rate, 'RateType');
  if (rateType === 'Agreed') {
    const unit = stringAt(rate, 'UnitCurrency') ?? '';
    return [
      `Agreed rate: 1 ${unit} = ${String(rate?.['ExchangeRate'])} ${currencyOfTransfer ?? ''}`.trim(),
      `Contract ${stringAt(rate, 'ContractIdentification') ?? ''}`,
    ];
  }
  if (rateType === 'Actual') {
    return ['The rate of the day the payment is made'];
  }
  return rateType === 'Indicative' ? ['An indicative rate: the rate of the day the payment is made applies'] : [];
}

export function paymentBoxes(title: string, initiation: JsonObject | undefined): ScreenBoxes {
  const boxes: ScreenBoxes = {};
  const remittance = objectAt(initiation, 'RemittanceInformation');
  add(boxes, 'Payment', [title]);
  add(boxes, 'Amount', [
    amountLine(objectAt(initiation, 'InstructedAmount')) ?? amountLine(objectAt(initiation, 'FirstPaymentAmount')),
  ]);
  add(boxes, 'Currency of transfer', [stringAt(initiation, 'CurrencyOfTransfer')]);
  add(
    boxes,
    'Exchange rate',
    exchangeRateLines(objectAt(initiation, 'ExchangeRateInformation'), stringAt(initiation, 'CurrencyOfTransfer')),
  );
  add(boxes, 'Charges', [chargeBearerLine(stringAt(initiation, 'ChargeBearer'))]);
  add(boxes, 'Pay to', accountLines(objectAt(initiation, 'CreditorAccount')));
  add(boxes, 'Reference', [stringAt(remittance, 'Reference'), stringAt(remittance, 'Unstructured')]);
  add(boxes, 'Payment date', [dateLine(initiation?.['RequestedExecutionDateTime'])]);
  add(boxes, 'Frequency', [
    stringAt(initiation, 'Frequency') === undefined ? undefined : describeFrequency(stringAt(initiation, 'Frequency')!),
  ]);
  add(boxes, 'First payment', [dateLine(initiation?.['FirstPaymentDateTime'])]);
  add(boxes, 'Regular payments', [amountLine(objectAt(initiation, 'RecurringPaymentAmount'))]);
  add(boxes, 'Final payment', [
    dateLine(initiation?.['FinalPaymentDateTime']),
    amountLine(objectAt(initiation, 'FinalPaymentAmount')),
  ]);
  add(boxes, 'Number of payments', [stringAt(initiation, 'NumberOfPayments')]);
  add(boxes, 'Pay from', accountLines(objectAt(initiation, 'DebtorAccount')));
  return boxes;
}

const FILE_TYPE_NAMES: Readonly<Record<string, string>> = {
  'UK.OBIE.PaymentInitiation.3.1': 'Open Banking payment file (JSON)',
  'UK.OBIE.pain.001.001.08': 'ISO 20022 payment file (pain.001)',
};

/**
 * A file payment: what the file holds (its count, its total per currency and in all, the account it debits), which the
 * customer approves as a whole.
 */
export function fileBoxes(
  title: string,
  initiation: JsonObject | undefined,
  summary: PaymentFileSummary,
  debtor: JsonObject | undefined,
): ScreenBoxes {
  const boxes: ScreenBoxes = {};
  const fileType = stringAt(initiation, 'FileType') ?? '';
  add(boxes, 'Payment', [title]);
  add(boxes, 'File', [
    stringAt(initiation, 'FileReference') && `Reference ${stringAt(initiation, 'FileReference')}`,
    FILE_TYPE_NAMES[fileType] ?? fileType,
  ]);
  add(boxes, 'Number of payments', [String(summary.transactions)]);
  add(
    boxes,
    'Total',
    summary.totals.length === 1
      ? summary.totals.map(({ currency, amount }) => `${formatScaled(amount)} ${currency}`)
      : [
          ...summary.totals.map(({ currency, amount }) => `${formatScaled(amount)} ${currency}`),
          `${formatScaled(summary.controlSum)} in all currencies together`,
        ],
  );
  add(boxes, 'Payment date', [dateLine(initiation?.['RequestedExecutionDateTime'])]);
  add(boxes, 'Pay from', accountLines(debtor));
  return boxes;
}

/** A payment awaiting further authorisers: how many have authorised, and by when the others must. */
export function authorisationLines(multiAuthorisation: MultiAuthorisation): string[] {
  const { NumberReceived: received, NumberRequired: required, ExpirationDateTime: deadline } = multiAuthorisation;
  return [
    `${received} of ${required} authorisers have authorised this payment; yours is needed`,
    ...(deadline === undefined ? [] : [`To be authorised by ${dateLine(deadline) ?? deadline}`]),
  ];
}

export function fundsConfirmationBoxes(data: JsonObject | undefined): ScreenBoxes {
  const boxes: ScreenBoxes = {};
  add(boxes, 'Access expires', [dateLine(data?.['ExpirationDateTime']) ?? 'No expiry date: until you withdraw it']);
  add(boxes, 'Account', accountLines(objectAt(data, 'DebtorAccount')));
  add(boxes, 'What is shared', ['Only a yes or no answer to whether this account has enough money for a payment']);
  return boxes;
}

export function vrpBoxes(data: JsonObject | undefined): ScreenBoxes {
  const control = objectAt(data, 'ControlParameters');
  const initiation = objectAt(data, 'Initiation');
  const limits = Array.isArray(control?.['PeriodicLimits'])
    ? (control['PeriodicLimits'] as unknown[]).filter(isJsonObject)
    : [];
  const boxes: ScreenBoxes = {};
  add(boxes, 'Payment', ['Variable recurring payments']);
  add(boxes, 'Maximum per payment', [amountLine(objectAt(control, 'MaximumIndividualAmount'))]);
  add(
    boxes,
    'Limits',
    limits.map((limit) => {
      const alignment = stringAt(limit, 'PeriodAlignment') === 'Calendar' ? 'calendar' : 'from the consent date';
      return `${amountLine(limit) ?? ''} per ${(stringAt(limit, 'PeriodType') ?? '').toLowerCase()} (${alignment})`;
    }),
  );
  add(boxes, 'Valid from', [dateLine(control?.['ValidFromDateTime'])]);
  add(boxes, 'Valid until', [dateLine(control?.['ValidToDateTime']) ?? 'No end date: until you withdraw it']);
  add(boxes, 'Pay to', accountLines(objectAt(initiation, 'CreditorAccount')));
  add(boxes, 'Pay from', accountLines(objectAt(initiation, 'DebtorAccount')));
  return boxes;
}
