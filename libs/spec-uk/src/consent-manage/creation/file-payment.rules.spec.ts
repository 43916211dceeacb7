import { SettingsReader, type JsonObject } from '@app/contract';
import { resolveUkSpecOptions } from '../../uk-spec.options.js';
import { filePaymentRules } from './file-payment.rules.js';

const NOW = Date.parse('2030-01-10T09:00:00Z');
const context = (env: Record<string, string> = {}) => ({
  nowMillis: NOW,
  options: resolveUkSpecOptions(new SettingsReader(env)),
});
const HASH = 'm5ah/h1UjLvJYMxqAoZmj9dKdjZnsGNm+yMkJp/KuqQ';
const body = (extra: JsonObject = {}): JsonObject => ({
  Data: {
    Initiation: {
      FileType: 'UK.OBIE.pain.001.001.08',
      FileHash: HASH,
      NumberOfTransactions: '100',
      ControlSum: 3459.3,
      ...extra,
    },
  },
});

describe('filePaymentRules', () => {
  it("accepts the standard's example and the bare minimum", () => {
    expect(filePaymentRules(body(), context())).toBeUndefined();
    expect(
      filePaymentRules(
        { Data: { Initiation: { FileType: 'UK.OBIE.PaymentInitiation.3.1', FileHash: `${HASH}=` } } },
        context(),
      ),
    ).toBeUndefined();
  });

  it.each([
    [
      'a FileType the bank does not accept',
      { FileType: 'UK.OBIE.PaymentInitiation.3.1' },
      { UK_FILE_TYPES: 'UK.OBIE.pain.001.001.08' },
      'UK.OBIE.Field.Invalid',
      'Data.Initiation.FileType',
    ],
    [
      'a FileType of no v3.1.11 format',
      { FileType: 'UK.OBIE.PaymentInitiation.4.0' },
      {},
      'UK.OBIE.Field.Invalid',
      'Data.Initiation.FileType',
    ],
    [
      'a FileHash that is not a SHA-256',
      { FileHash: 'not-a-hash' },
      {},
      'UK.OBIE.Field.Invalid',
      'Data.Initiation.FileHash',
    ],
    [
      'NumberOfTransactions "12a"',
      { NumberOfTransactions: '12a' },
      {},
      'UK.OBIE.Field.Invalid',
      'Data.Initiation.NumberOfTransactions',
    ],
    [
      'NumberOfTransactions "0"',
      { NumberOfTransactions: '0' },
      {},
      'UK.OBIE.Field.Invalid',
      'Data.Initiation.NumberOfTransactions',
    ],
    ['a ControlSum of 0', { ControlSum: 0 }, {}, 'UK.OBIE.Field.Invalid', 'Data.Initiation.ControlSum'],
    [
      'a ControlSum of six decimals',
      { ControlSum: 1.000001 },
      {},
      'UK.OBIE.Field.Invalid',
      'Data.Initiation.ControlSum',
    ],
    [
      'an execution date in the past',
      { RequestedExecutionDateTime: '2030-01-09T00:00:00+00:00' },
      {},
      'UK.OBIE.Field.InvalidDate',
      'Data.Initiation.RequestedExecutionDateTime',
    ],
    [
      'an unknown LocalInstrument',
      { LocalInstrument: 'UK.OBIE.Pigeon' },
      {},
      'UK.OBIE.Unsupported.LocalInstrument',
      'Data.Initiation.LocalInstrument',
    ],
    [
      'a debtor sort code of 13 digits',
      { DebtorAccount: { SchemeName: 'UK.OBIE.SortCodeAccountNumber', Identification: '3008009876345' } },
      {},
      'UK.OBIE.Unsupported.AccountIdentifier',
      'Data.Initiation.DebtorAccount.Identification',
    ],
  ])('refuses %s', (_case, extra, env, code, path) => {
    expect(filePaymentRules(body(extra), context(env))).toMatchObject({ status: 400, code, path });
  });

  it.each([
    [
      'a FileType the bank does not accept',
      { FileType: 'UK.OBIE.PaymentInitiation.3.1' },
      'FileType "UK.OBIE.PaymentInitiation.3.1" is not accepted (accepted: UK.OBIE.pain.001.001.08)',
      'Data.Initiation.FileType',
    ],
    [
      'a FileHash that is not a SHA-256',
      { FileHash: 'not-a-hash' },
      'FileHash must be the base64 encoding of the SHA-256 hash of the file',
      'Data.Initiation.FileHash',
    ],
    [
      'NumberOfTransactions " 12"',
      { NumberOfTransactions: ' 12' },
      'NumberOfTransactions must be a whole number of payments above 0',
      'Data.Initiation.NumberOfTransactions',
    ],
    [
      'a ControlSum that is text',
      { ControlSum: '3459.3' },
      'ControlSum must be a total above 0 with at most five decimals',
      'Data.Initiation.ControlSum',
    ],
    [
      'a negative ControlSum',
      { ControlSum: -1 },
      'ControlSum must be a total above 0 with at most five decimals',
      'Data.Initiation.ControlSum',
    ],
  ])('refuses %s: 400 Field.Invalid with its message', (_case, extra, message, path) => {
    expect(filePaymentRules(body(extra), context({ UK_FILE_TYPES: 'UK.OBIE.pain.001.001.08' }))).toEqual({
      status: 400,
      code: 'UK.OBIE.Field.Invalid',
      message,
      path,
    });
  });

  it('checks the file fields in order: FileType, FileHash, NumberOfTransactions, ControlSum, then the initiation and the date', () => {
    const wrong: JsonObject = {
      FileType: 'UK.OBIE.Nope',
      FileHash: 'x',
      NumberOfTransactions: '0',
      ControlSum: 0,
      LocalInstrument: 'UK.OBIE.Pigeon',
      RequestedExecutionDateTime: '2030-01-09T00:00:00+00:00',
    };
    const repairs: ReadonlyArray<readonly [string, JsonObject]> = [
      ['Data.Initiation.FileType', { FileType: 'UK.OBIE.pain.001.001.08' }],
      ['Data.Initiation.FileHash', { FileHash: HASH }],
      ['Data.Initiation.NumberOfTransactions', { NumberOfTransactions: '1' }],
      ['Data.Initiation.ControlSum', { ControlSum: 1 }],
      ['Data.Initiation.LocalInstrument', { LocalInstrument: 'UK.OBIE.FPS' }],
      ['Data.Initiation.RequestedExecutionDateTime', { RequestedExecutionDateTime: '2030-01-11T00:00:00+00:00' }],
    ];
    for (const [path, repair] of repairs) {
      expect(filePaymentRules(body(wrong), context())?.path).toBe(path);
      Object.assign(wrong, repair);
    }
    expect(filePaymentRules(body(wrong), context())).toBeUndefined();
  });
});
