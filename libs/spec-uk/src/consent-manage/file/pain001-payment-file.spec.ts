import { UK_FILE_PAYMENTS, ukPain001File } from '@app/testing';
import { readPain001File } from './pain001-payment-file.js';
import { summarisePaymentFile } from './payment-file-summary.js';

const CURRENCIES = ['GBP', 'EUR', 'USD'];
const ROOT = 'Document.CstmrCdtTrfInitn';

const rejectionOf = (content: string) => {
  const reading = readPain001File(content, CURRENCIES);
  if (!('rejection' in reading)) {
    throw new Error('the file was accepted');
  }
  return reading.rejection;
};

describe(readPain001File.name, () => {
  it('reads every transaction: amounts exactly, the debtor account of its payment information', () => {
    const reading = readPain001File(ukPain001File(), CURRENCIES);
    expect('contents' in reading && summarisePaymentFile(reading.contents)).toEqual({
      transactions: 3,
      controlSum: 345_930_000n,
      totals: [{ currency: 'GBP', amount: 345_930_000n }],
      debtorAccounts: [{ identification: '30080098763459', path: `${ROOT}.PmtInf[0].DbtrAcct` }],
    });
  });

  it('reads a namespace prefix, an IBAN debtor, equivalent amounts and character references', () => {
    const file = ukPain001File()
      .replace(
        '<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.08">',
        '<p:Document xmlns:p="urn:iso:std:iso:20022:tech:xsd:pain.001.001.08">',
      )
      .replace('</Document>', '</p:Document>')
      .replace('<Othr><Id>30080098763459</Id></Othr>', '<IBAN>GB98LOYD30080098763459</IBAN>')
      .replace(
        '<InstdAmt Ccy="GBP">1500.00</InstdAmt>',
        '<EqvtAmt><Amt Ccy="GBP">1500.00</Amt><CcyOfTrf>EUR</CcyOfTrf></EqvtAmt>',
      )
      .replace('Café', 'Caf&#233;');
    const reading = readPain001File(file, CURRENCIES);
    expect('contents' in reading && summarisePaymentFile(reading.contents)).toMatchObject({
      transactions: 3,
      controlSum: 345_930_000n,
      debtorAccounts: [{ identification: 'GB98LOYD30080098763459', schemeName: 'UK.OBIE.IBAN' }],
    });
  });

  it.each([
    [
      'XML that is not well-formed',
      '<Document><CstmrCdtTrfInitn></Document>',
      'UK.OBIE.Resource.InvalidFormat',
      undefined,
      /^The file is not well-formed XML: .+ \(line 1, column \d+\)$/,
    ],
    [
      'another message',
      ukPain001File().replace('pain.001.001.08', 'pain.008.001.07'),
      'UK.OBIE.Resource.InvalidFormat',
      'Document',
      /namespace urn:iso:std:iso:20022:tech:xsd:pain.001.001.08/,
    ],
    [
      'no group header count',
      ukPain001File().replace(/<NbOfTxs>3<\/NbOfTxs>\s*<CtrlSum>/, '<CtrlSum>'),
      'UK.OBIE.Resource.InvalidFormat',
      `${ROOT}.GrpHdr.NbOfTxs`,
      /is missing/,
    ],
    [
      'a group header count that disagrees',
      ukPain001File().replace('<NbOfTxs>3</NbOfTxs>\n      <CtrlSum>', '<NbOfTxs>4</NbOfTxs>\n      <CtrlSum>'),
      'UK.OBIE.Resource.InvalidFormat',
      `${ROOT}.GrpHdr.NbOfTxs`,
      /is 4 but the file holds 3 transactions/,
    ],
    [
      'a control sum that disagrees',
      ukPain001File().replace('<CtrlSum>3459.30</CtrlSum>', '<CtrlSum>3459.31</CtrlSum>'),
      'UK.OBIE.Resource.InvalidFormat',
      `${ROOT}.GrpHdr.CtrlSum`,
      /add up to 3459.30/,
    ],
    [
      'a payment count of its block that disagrees',
      ukPain001File().replace(
        '<PmtMtd>TRF</PmtMtd>\n      <NbOfTxs>3</NbOfTxs>',
        '<PmtMtd>TRF</PmtMtd>\n      <NbOfTxs>2</NbOfTxs>',
      ),
      'UK.OBIE.Resource.InvalidFormat',
      `${ROOT}.PmtInf[0].NbOfTxs`,
      /is 2/,
    ],
    [
      'an amount of six decimals',
      ukPain001File().replace('>1500.00<', '>1500.000001<'),
      'UK.OBIE.Resource.InvalidFormat',
      `${ROOT}.PmtInf[0].CdtTrfTxInf[0].Amt.InstdAmt`,
      /above 0 with at most five decimals/,
    ],
    [
      'an amount of 0',
      ukPain001File().replace('>1500.00<', '>0<'),
      'UK.OBIE.Resource.InvalidFormat',
      `${ROOT}.PmtInf[0].CdtTrfTxInf[0].Amt.InstdAmt`,
      /above 0/,
    ],
    [
      'an amount without currency',
      ukPain001File().replace('<InstdAmt Ccy="GBP">1234.50', '<InstdAmt>1234.50'),
      'UK.OBIE.Resource.InvalidFormat',
      `${ROOT}.PmtInf[0].CdtTrfTxInf[1].Amt.InstdAmt.Ccy`,
      /ISO 4217/,
    ],
    [
      'a currency the bank does not handle',
      ukPain001File().replace('Ccy="GBP">724.80', 'Ccy="JPY">724.80'),
      'UK.OBIE.Unsupported.Currency',
      `${ROOT}.PmtInf[0].CdtTrfTxInf[2].Amt.InstdAmt.Ccy`,
      /JPY/,
    ],
    [
      'no debtor account',
      ukPain001File().replace(/<DbtrAcct>.*<\/DbtrAcct>/, ''),
      'UK.OBIE.Resource.InvalidFormat',
      `${ROOT}.PmtInf[0].DbtrAcct`,
      /debtor account/,
    ],
    [
      'two root elements',
      `${ukPain001File()}<Document/>`,
      'UK.OBIE.Resource.InvalidFormat',
      'Document',
      /one root element/,
    ],
  ])('refuses %s', (_case, content, code, path, message) => {
    const rejection = rejectionOf(content);
    expect(rejection).toMatchObject({ status: 400, code, ...(path === undefined ? {} : { path }) });
    expect(rejection.message).toMatch(message);
  });

  it('never expands entities a DOCTYPE declares: the amount stays unreadable', () => {
    const bomb = ukPain001File()
      .replace(
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<?xml version="1.0"?><!DOCTYPE Document [<!ENTITY a "1500.00"><!ENTITY b "&a;&a;&a;&a;">]>',
      )
      .replace('>1500.00<', '>&b;<');
    expect(rejectionOf(bomb)).toMatchObject({
      code: 'UK.OBIE.Resource.InvalidFormat',
      path: `${ROOT}.PmtInf[0].CdtTrfTxInf[0].Amt.InstdAmt`,
    });
  });

  it('refuses nesting deeper than any pain.001', () => {
    const deep = ukPain001File().replace('<Ustrd>Invoice 1</Ustrd>', `${'<X>'.repeat(60)}${'</X>'.repeat(60)}`);
    expect(rejectionOf(deep)).toMatchObject({ code: 'UK.OBIE.Resource.InvalidFormat' });
  });

  it("reads the standard's own example of three transactions in three currencies", () => {
    const payments = [
      { amount: '10000000', currency: 'JPY', creditorName: 'DEF Electronics', creditorAccount: '23683707994125' },
      { amount: '500000', currency: 'EUR', creditorName: 'GHI Semiconductors', creditorAccount: 'BE30001216371411' },
      { amount: '1000000', currency: 'USD', creditorName: 'ABC Corporation', creditorAccount: '4895623' },
    ];
    const reading = readPain001File(ukPain001File(payments, '00125574999'), ['JPY', 'EUR', 'USD']);
    expect('contents' in reading && summarisePaymentFile(reading.contents)).toMatchObject({
      transactions: 3,
      controlSum: 1_150_000_000_000n,
      totals: [
        { currency: 'JPY', amount: 1_000_000_000_000n },
        { currency: 'EUR', amount: 50_000_000_000n },
        { currency: 'USD', amount: 100_000_000_000n },
      ],
    });
    expect(UK_FILE_PAYMENTS).toHaveLength(3);
  });
});
