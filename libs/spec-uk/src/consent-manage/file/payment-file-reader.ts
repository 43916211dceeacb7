import type { SchemaCheck } from '@app/openapi-schemas';
import { UkErrorCode, ukRejection } from '../../shared/uk-error.js';
import type { RuleContext } from '../creation/rule-context.js';
import { readJsonPaymentFile } from './json-payment-file.js';
import { readPain001File } from './pain001-payment-file.js';
import type { PaymentFileReading } from './payment-file.js';

/** What reading a file needs besides its text. */
export interface FileReadingContext {
  /** The official OBWriteDomestic2 schema, for the payments of a JSON file. */
  readonly domesticPaymentCheck: SchemaCheck;
  readonly rules: RuleContext;
}

/** The payments of a file of the consent's FileType (one of UK_FILE_TYPES, checked when the consent was created). */
export function readPaymentFile(
  fileType: string | undefined,
  content: string,
  context: FileReadingContext,
): PaymentFileReading {
  if (fileType === 'UK.OBIE.PaymentInitiation.3.1') {
    return readJsonPaymentFile(content, context.domesticPaymentCheck, context.rules);
  }
  if (fileType === 'UK.OBIE.pain.001.001.08') {
    return readPain001File(content, context.rules.options.supportedCurrencies);
  }
  return {
    rejection: ukRejection(
      400,
      UkErrorCode.ResourceInvalidFormat,
      `Files of FileType "${String(fileType)}" cannot be read`,
      'Data.Initiation.FileType',
    ),
  };
}
