import { fileURLToPath } from 'node:url';
import { loadOfficialOpenApiDocument, OfficialSchemaValidators, type SchemaCheck } from '@app/openapi-schemas';
import { UK_CONSENT_KINDS, type OfficialFile, type UkConsentKind } from '../shared/uk-consent-kind.js';

/** The official v3.1.11 files, vendored byte for byte in `libs/spec-uk/assets/openapi/`. */
export const OFFICIAL_FILES: Readonly<Record<OfficialFile, string>> = {
  'account-info': 'account-info-openapi.yaml',
  'payment-initiation': 'payment-initiation-openapi.yaml',
  'confirmation-funds': 'confirmation-funds-openapi.yaml',
  vrp: 'vrp-openapi.yaml',
};

/** Where a vendored file is, from this file's place (the same depth in `libs/…/src` and `dist/libs/…/src`). */
export function officialFilePath(file: OfficialFile): string {
  return fileURLToPath(new URL(`../../assets/openapi/${OFFICIAL_FILES[file]}`, import.meta.url));
}

/**
 * The request schema of every consent endpoint, compiled from the official files once, when the module is created:
 * no request pays for a compilation, and the same bad body always gets the same first violation.
 */
export class UkOfficialSchemas {
  private readonly checks = new Map<string, SchemaCheck>();
  /** OBWriteDomestic2, the payment order whose Initiation is each payment of a UK.OBIE.PaymentInitiation.3.1 file. */
  readonly domesticPaymentCheck: SchemaCheck;

  constructor() {
    const validators = new Map<OfficialFile, OfficialSchemaValidators>();
    const validatorsOf = (file: OfficialFile): OfficialSchemaValidators => {
      let fileValidators = validators.get(file);
      if (fileValidators === undefined) {
        fileValidators = new OfficialSchemaValidators(loadOfficialOpenApiDocument(officialFilePath(file)));
        validators.set(file, fileValidators);
      }
      return fileValidators;
    };
    for (const kind of UK_CONSENT_KINDS) {
      this.checks.set(
        kind.path,
        validatorsOf(kind.schema.file).precompile([kind.schema.name]).schema(kind.schema.name),
      );
    }
    this.domesticPaymentCheck = validatorsOf('payment-initiation')
      .precompile(['OBWriteDomestic2'])
      .schema('OBWriteDomestic2');
  }

  requestCheck(kind: UkConsentKind): SchemaCheck {
    const check = this.checks.get(kind.path);
    if (check === undefined) {
      throw new Error(`No official schema compiled for ${kind.path}`);
    }
    return check;
  }
}
