import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { formatScaled, scaledDecimal } from '../../shared/amount.js';
import type { JsonObject } from '@app/contract';
import { isJsonObject, stringAt } from '../../shared/json.js';
import { UkErrorCode, ukRejection, type UkRejection } from '../../shared/uk-error.js';
import { supportedCurrencyRejection } from '../creation/amount.rules.js';
import type { FileDebtorAccount, FilePayment, PaymentFileReading } from './payment-file.js';

/*
 * FileType `UK.OBIE.pain.001.001.08`: an ISO 20022 CustomerCreditTransferInitiation (the file usage example of
 * v3.1.11). Read with fast-xml-parser: well-formedness first (its validator), then the elements this module needs —
 * the group header's NbOfTxs and CtrlSum, each payment information block's debtor account and its own NbOfTxs and
 * CtrlSum, and each transaction's amount — which must agree with one another. Entities declared in a DOCTYPE are never
 * expanded and no external resource is ever read.
 */

export const PAIN_001_001_08_NAMESPACE = 'urn:iso:std:iso:20022:tech:xsd:pain.001.001.08';

const ROOT = 'Document.CstmrCdtTrfInitn';
/** Deeper than any pain.001 (about 12 levels): a bound on what a hostile file can make the parser build. */
const MAX_NESTED_TAGS = 40;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  // Namespace declarations stay attributes (the namespace is checked); element names lose their prefix.
  removeNSPrefix: false,
  transformTagName: (name: string) => name.slice(name.indexOf(':') + 1),
  // Every value stays the text of the file: amounts are read exactly, never as floating point.
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  // The XML and numeric character references are decoded; entities a DOCTYPE declares are not (no expansion bombs).
  processEntities: { enabled: true, maxEntityCount: 0 },
  htmlEntities: true,
  maxNestedTags: MAX_NESTED_TAGS,
  isArray: (name: string) => name === 'PmtInf' || name === 'CdtTrfTxInf',
});

function invalid(message: string, path?: string): { readonly rejection: UkRejection } {
  return { rejection: ukRejection(400, UkErrorCode.ResourceInvalidFormat, message, path) };
}

function objectsAt(value: JsonObject | undefined, key: string): JsonObject[] | undefined {
  const child = value?.[key];
  return Array.isArray(child) && child.every(isJsonObject) ? child : undefined;
}

function childObject(value: unknown, key: string): JsonObject | undefined {
  const child = isJsonObject(value) ? value[key] : undefined;
  return isJsonObject(child) ? child : undefined;
}

/** The text of a simple element (a string once parsed without values' conversion). */
function textAt(value: JsonObject | undefined, key: string): string | undefined {
  return stringAt(value, key);
}

/** `<DbtrAcct><Id><IBAN>…` or `<DbtrAcct><Id><Othr><Id>…`. */
function debtorAccount(paymentInformation: JsonObject, path: string): FileDebtorAccount | undefined {
  const id = childObject(childObject(paymentInformation, 'DbtrAcct'), 'Id');
  const iban = textAt(id, 'IBAN');
  if (iban !== undefined) {
    return { identification: iban, schemeName: 'UK.OBIE.IBAN', path };
  }
  const other = textAt(childObject(id, 'Othr'), 'Id');
  return other === undefined ? undefined : { identification: other, path };
}

/** An element with text and attributes; one without attributes is parsed as its bare text. */
function textElement(value: unknown, key: string): JsonObject | undefined {
  const child = isJsonObject(value) ? value[key] : undefined;
  return typeof child === 'string' ? { '#text': child } : isJsonObject(child) ? child : undefined;
}

/** `<InstdAmt Ccy="GBP">10.50</InstdAmt>`, or the equivalent amount `<EqvtAmt><Amt Ccy="…">`. */
function amountElement(transaction: JsonObject): { element: JsonObject; path: string } | undefined {
  const amount = childObject(transaction, 'Amt');
  const instructed = textElement(amount, 'InstdAmt');
  if (instructed !== undefined) {
    return { element: instructed, path: 'Amt.InstdAmt' };
  }
  const equivalent = textElement(childObject(amount, 'EqvtAmt'), 'Amt');
  return equivalent === undefined ? undefined : { element: equivalent, path: 'Amt.EqvtAmt.Amt' };
}

/** A declared count (NbOfTxs) or total (CtrlSum) must agree with the transactions it describes. */
function declaredMismatch(block: JsonObject, path: string, count: number, sum: bigint): UkRejection | undefined {
  const declaredCount = textAt(block, 'NbOfTxs');
  if (declaredCount !== undefined && (!/^[0-9]{1,15}$/.test(declaredCount) || Number(declaredCount) !== count)) {
    return invalid(
      `${path}.NbOfTxs is ${declaredCount} but the file holds ${count} transactions there`,
      `${path}.NbOfTxs`,
    ).rejection;
  }
  const declaredSum = textAt(block, 'CtrlSum');
  if (declaredSum !== undefined && scaledDecimal(declaredSum) !== sum) {
    return invalid(
      `${path}.CtrlSum is ${declaredSum} but the amounts there add up to ${formatScaled(sum)}`,
      `${path}.CtrlSum`,
    ).rejection;
  }
  return undefined;
}

function readPaymentInformation(
  block: JsonObject,
  path: string,
  supportedCurrencies: readonly string[],
): { payments: FilePayment[] } | { rejection: UkRejection } {
  const debtor = debtorAccount(block, `${path}.DbtrAcct`);
  if (debtor === undefined) {
    return invalid(`${path}.DbtrAcct must identify the debtor account (Id/IBAN or Id/Othr/Id)`, `${path}.DbtrAcct`);
  }
  const transactions = objectsAt(block, 'CdtTrfTxInf');
  if (transactions === undefined || transactions.length === 0) {
    return invalid(`${path} holds no CdtTrfTxInf`, `${path}.CdtTrfTxInf`);
  }
  const payments: FilePayment[] = [];
  for (const [index, transaction] of transactions.entries()) {
    const found = amountElement(transaction);
    const where = `${path}.CdtTrfTxInf[${index}]`;
    if (found === undefined) {
      return invalid(`${where}.Amt must hold an InstdAmt or an EqvtAmt`, `${where}.Amt`);
    }
    const amountPath = `${where}.${found.path}`;
    const amount = scaledDecimal(textAt(found.element, '#text'));
    if (amount === undefined || amount <= 0n) {
      return invalid(`${amountPath} must be an amount above 0 with at most five decimals`, amountPath);
    }
    const currency = textAt(found.element, '@Ccy');
    if (currency === undefined || !/^[A-Z]{3}$/.test(currency)) {
      return invalid(`${amountPath} must name its currency in Ccy (an ISO 4217 code)`, `${amountPath}.Ccy`);
    }
    const unsupported = supportedCurrencyRejection(currency, `${amountPath}.Ccy`, supportedCurrencies);
    if (unsupported !== undefined) {
      return { rejection: unsupported };
    }
    payments.push({ amount, currency, debtor, amountPath });
  }
  const mismatch = declaredMismatch(
    block,
    path,
    payments.length,
    payments.reduce((sum, payment) => sum + payment.amount, 0n),
  );
  return mismatch === undefined ? { payments } : { rejection: mismatch };
}

export function readPain001File(content: string, supportedCurrencies: readonly string[]): PaymentFileReading {
  const wellFormed = XMLValidator.validate(content);
  if (wellFormed !== true) {
    const { msg, line, col } = wellFormed.err;
    return invalid(`The file is not well-formed XML: ${msg} (line ${line}, column ${col})`);
  }
  let document: unknown;
  try {
    document = parser.parse(content);
  } catch (error) {
    return invalid(`The file cannot be read as XML: ${(error as Error).message}`);
  }
  const root = isJsonObject(document) ? document : {};
  const documentElement = childObject(root, 'Document');
  if (documentElement === undefined || Object.keys(root).length !== 1) {
    return invalid('A UK.OBIE.pain.001.001.08 file has one root element, Document', 'Document');
  }
  const namespaces = Object.entries(documentElement).filter(
    ([name]) => name === '@xmlns' || name.startsWith('@xmlns:'),
  );
  if (!namespaces.some(([, value]) => value === PAIN_001_001_08_NAMESPACE)) {
    return invalid(`The Document is not in the namespace ${PAIN_001_001_08_NAMESPACE} of its FileType`, 'Document');
  }
  const initiation = childObject(documentElement, 'CstmrCdtTrfInitn');
  const header = childObject(initiation, 'GrpHdr');
  if (initiation === undefined || header === undefined || textAt(header, 'NbOfTxs') === undefined) {
    return invalid(`${ROOT}.GrpHdr.NbOfTxs is missing`, `${ROOT}.GrpHdr.NbOfTxs`);
  }
  const blocks = objectsAt(initiation, 'PmtInf');
  if (blocks === undefined || blocks.length === 0) {
    return invalid(`${ROOT} holds no PmtInf`, `${ROOT}.PmtInf`);
  }
  const payments: FilePayment[] = [];
  for (const [index, block] of blocks.entries()) {
    const read = readPaymentInformation(block, `${ROOT}.PmtInf[${index}]`, supportedCurrencies);
    if ('rejection' in read) {
      return read;
    }
    payments.push(...read.payments);
  }
  const mismatch = declaredMismatch(
    header,
    `${ROOT}.GrpHdr`,
    payments.length,
    payments.reduce((sum, payment) => sum + payment.amount, 0n),
  );
  return mismatch === undefined ? { contents: { payments } } : { rejection: mismatch };
}
