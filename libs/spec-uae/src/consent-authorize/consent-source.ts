import { Injectable } from '@nestjs/common';
import type { JsonObject, StoredConsentResource } from '@app/contract';
import { AuthorizationDetailsReader, type ConsentReading } from '../authorize/authorization-details.reader.js';
import { isForeignConsent, NOT_A_CONSENT_OF_THIS_TPP } from '../shared/consent-ownership.js';
import { isNonEmptyJsonObject, stringAt } from '../shared/json.js';

/** Where the consent being authorised comes from, and the TPP that asked for it. */
export interface ConsentSource {
  readonly reading: ConsentReading;
  readonly clientId: string | undefined;
  /** The identity server holds the consent already (it was created through pre-process-consent-creation). */
  readonly preInitiated: boolean;
  /**
   * The stored consent belongs to another TPP than the request object's `client_id`: it is neither read nor changed
   * (no status is sent with the refusal).
   */
  readonly foreign: boolean;
}

/**
 * The consent of an authorisation: in the PAR flow (the UAE model, contract §4.9, §4.10) there is no stored consent
 * yet and it is read from the request object's `authorization_details`; on the pre-initiated route it is the stored
 * receipt, which is the same `authorization_details` item.
 */
@Injectable()
export class ConsentSourceReader {
  constructor(private readonly reader: AuthorizationDetailsReader) {}

  async read(
    consentResource: StoredConsentResource | undefined,
    requestParameters: JsonObject | undefined,
  ): Promise<ConsentSource> {
    const callerClientId = stringAt(requestParameters, 'client_id');
    if (isNonEmptyJsonObject(consentResource)) {
      if (isForeignConsent(callerClientId, consentResource)) {
        return {
          reading: { ok: false, problem: NOT_A_CONSENT_OF_THIS_TPP },
          clientId: callerClientId,
          preInitiated: true,
          foreign: true,
        };
      }
      return {
        reading: await this.reader.readItem(consentResource.receipt ?? {}, 'receipt'),
        clientId: consentResource.clientId,
        preInitiated: true,
        foreign: false,
      };
    }
    return {
      reading: await this.reader.readAuthorizationDetails(requestParameters?.['authorization_details']),
      clientId: callerClientId,
      preInitiated: false,
      foreign: false,
    };
  }
}
