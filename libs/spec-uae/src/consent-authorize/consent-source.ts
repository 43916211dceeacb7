import { Injectable } from '@nestjs/common';
import type { JsonObject, StoredConsentResource } from '@app/contract';
import { AuthorizationDetailsReader, type ConsentReading } from '../authorize/authorization-details.reader.js';
import { isNonEmptyJsonObject, stringAt } from '../shared/json.js';

/** Where the consent being authorised comes from, and the TPP that asked for it. */
export interface ConsentSource {
  readonly reading: ConsentReading;
  readonly clientId: string | undefined;
  /** The identity server holds the consent already (it was created through pre-process-consent-creation). */
  readonly preInitiated: boolean;
}

/**
 * The consent of an authorisation: in the PAR flow (the UAE model, contract §4.9, §4.10) there is no stored consent
 * yet and it is read from the request object's `authorization_details`; on the pre-initiated route it is the stored
 * receipt, which is the same `authorization_details` item.
 */
@Injectable()
export class ConsentSourceReader {
  constructor(private readonly reader: AuthorizationDetailsReader) {}

  async read(consentResource: StoredConsentResource | undefined, requestParameters: JsonObject | undefined): Promise<ConsentSource> {
    if (isNonEmptyJsonObject(consentResource)) {
      return { reading: await this.reader.readItem(consentResource.receipt ?? {}, 'receipt'), clientId: consentResource.clientId, preInitiated: true };
    }
    return {
      reading: await this.reader.readAuthorizationDetails(requestParameters?.['authorization_details']),
      clientId: stringAt(requestParameters, 'client_id'),
      preInitiated: false,
    };
  }
}
