import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { BankBackend, type BankAccountView } from '@app/bank-backend';
import {
  ConsentScreenPopulator,
  succeed,
  type AuthorizeFailure,
  type ConsentScreenData,
  type ExtensionFailure,
  type JsonObject,
  type OutcomeOf,
  type RequestDataOf,
  type StoredConsentResource,
  type Clock,
} from '@app/contract';
import { UK_OFFICIAL_SCHEMAS, UK_SPEC_CLOCK, UK_SPEC_OPTIONS } from '../uk-spec.tokens.js';
import type { UkSpecOptions } from '../uk-spec.options.js';
import type { UkOfficialSchemas } from '../schemas/uk-official-schemas.js';
import { readPaymentFile } from '../consent-manage/file/payment-file-reader.js';
import { summarisePaymentFile } from '../consent-manage/file/payment-file-summary.js';
import { authorizingClientId, foreignConsentAuthorizeFailure, ownedByAnotherTpp } from '../shared/consent-owner.js';
import { isJsonObject, nonEmptyString, objectAt, stringAt } from '../shared/json.js';
import { kindOfType, type UkConsentKind } from '../shared/uk-consent-kind.js';
import { UkAuthorizationStatus, UkConsentStatus } from '../shared/uk-status.js';
import { authorizeFailure } from './authorize-failure.js';
import { consentExpired } from './consent-expiry.js';
import { eligibleAccounts, namedAccount, screenAccounts } from './customer-accounts.js';
import { FurtherAuthorisation } from './further-authorisation.js';
import { authorisationTypeOf, requiredAuthorisers } from './multi-authorisation.js';
import { activeAccountsOf, reauthenticable, reauthenticationRefusal } from './reauthentication.js';
import {
  accountAccessBoxes,
  authorisationLines,
  fileBoxes,
  fundsConfirmationBoxes,
  paymentBoxes,
  vrpBoxes,
  type ScreenBoxes,
} from './screen-lines.js';

type ScreenRequest = RequestDataOf<'populate-consent-authorize-screen'>;
type Outcome = OutcomeOf<'populate-consent-authorize-screen'>;

/** What the page shows of a payment, and the debtor account it names (the consent's, or the one its file names). */
interface PaymentContent {
  readonly boxes: ScreenBoxes;
  readonly debtor: JsonObject | undefined;
}

/**
 * The consent page of a UK consent (§A.5): only the request object's client's own consent awaiting authorisation, not
 * expired, whose authorization is still `Created`, is shown — or a payment awaiting a further authoriser (§A.5
 * multi-authorisation). Permissions are described in plain language; payments show amount, creditor and reference and
 * let the customer pick one account that can pay (and, for a Single authorisation, needs no other authoriser); a debtor
 * account the consent names must be the customer's and is the only one offered.
 */
@Injectable()
export class UkConsentScreenPopulator extends ConsentScreenPopulator {
  constructor(
    @Inject(BankBackend) private readonly bank: BankBackend,
    @Inject(UK_SPEC_CLOCK) private readonly clock: Clock,
    @Inject(UK_OFFICIAL_SCHEMAS) private readonly schemas: UkOfficialSchemas,
    @Inject(UK_SPEC_OPTIONS) private readonly options: UkSpecOptions,
    @Inject(FurtherAuthorisation) private readonly furtherAuthorisation: FurtherAuthorisation,
  ) {
    super();
  }

  async handle({ userId, consentResource, requestParameters }: ScreenRequest): Promise<Outcome> {
    // First: another TPP may not even make the consent Rejected (no newConsentStatus).
    if (ownedByAnotherTpp(consentResource, authorizingClientId(requestParameters))) {
      return foreignConsentAuthorizeFailure();
    }
    if (consentResource === undefined || Object.keys(consentResource).length === 0) {
      return authorizeFailure(
        'UK consents are created by the TPP first: the request object must name one in openbanking_intent_id',
      );
    }
    const kind = kindOfType(consentResource.type);
    if (kind === undefined) {
      return authorizeFailure(`A consent of type "${String(consentResource.type)}" is not a UK consent`);
    }
    const customer = nonEmptyString(userId);
    if (consentResource.status !== UkConsentStatus.AwaitingAuthorisation) {
      if (customer !== undefined && kind.family === 'payment') {
        return this.furtherAuthoriserScreen(kind, consentResource, customer);
      }
      return customer !== undefined && reauthenticable(kind)
        ? this.reauthenticationScreen(kind, consentResource, customer)
        : authorizeFailure(`The consent is ${String(consentResource.status)}, not awaiting authorisation`);
    }
    if (consentResource.authorizations?.[0]?.status !== UkAuthorizationStatus.Created) {
      return authorizeFailure('The authorisation of this consent has already been used');
    }
    if (consentExpired(kind, consentResource, this.clock.now())) {
      // The customer cannot complete it any more: the standard's Rejected for a flow that cannot be completed.
      return authorizeFailure('The consent has expired', UkConsentStatus.Rejected);
    }
    const accounts = customer === undefined ? [] : await this.bank.accountsOf(customer);
    return this.screen(kind, consentResource, accounts);
  }

  private screen(kind: UkConsentKind, consent: StoredConsentResource, accounts: BankAccountView[]): Outcome {
    const data = objectAt(consent.receipt, 'Data');
    switch (kind.family) {
      case 'account-access': {
        const { boxes, descriptions } = accountAccessBoxes(data);
        const consentData: ConsentScreenData = {
          type: kind.type,
          basicConsentData: boxes,
          permissions: [
            { uid: randomUUID(), displayValues: descriptions.length > 0 ? descriptions : ['Your account information'] },
          ],
          allowMultipleAccounts: true,
        };
        return succeed({
          consentData,
          consumerData: { accounts: screenAccounts(eligibleAccounts(accounts, false), false) },
        });
      }
      case 'funds-confirmation':
        return this.namedAccountScreen(
          kind,
          fundsConfirmationBoxes(data),
          objectAt(data, 'DebtorAccount'),
          eligibleAccounts(accounts, false),
        );
      case 'payment': {
        const content = this.paymentContent(kind, consent);
        return 'status' in content
          ? content
          : this.namedAccountScreen(kind, content.boxes, content.debtor, this.payableAccounts(consent, accounts));
      }
      case 'vrp':
        return this.namedAccountScreen(
          kind,
          vrpBoxes(data),
          objectAt(objectAt(data, 'Initiation'), 'DebtorAccount'),
          eligibleAccounts(accounts, true),
        );
    }
  }

  /**
   * Accounts that can pay; for a Single authorisation only those needing no other authoriser ("an ASPSP must restrict
   * the selection of DebtorAccount to accounts that match the AuthorisationType requested by the PISP").
   */
  private payableAccounts(consent: StoredConsentResource, accounts: readonly BankAccountView[]): BankAccountView[] {
    const payable = eligibleAccounts(accounts, true);
    return authorisationTypeOf(consent) === 'Single'
      ? payable.filter((account) => requiredAuthorisers(account, this.options.businessAccountAuthorisers) === 1)
      : payable;
  }

  /**
   * The payment's lines. A file payment shows the file's summary (the identity server sends the uploaded file with the
   * consent) and is paid from the consent's DebtorAccount, else from the one account the file names (checked at upload).
   */
  private paymentContent(
    kind: UkConsentKind,
    consent: StoredConsentResource,
  ): PaymentContent | ExtensionFailure<AuthorizeFailure> {
    const initiation = objectAt(objectAt(consent.receipt, 'Data'), 'Initiation');
    if (kind.file !== true) {
      return { boxes: paymentBoxes(kind.title, initiation), debtor: objectAt(initiation, 'DebtorAccount') };
    }
    const reading =
      consent.fileContent === undefined
        ? undefined
        : readPaymentFile(stringAt(initiation, 'FileType'), consent.fileContent, {
            domesticPaymentCheck: this.schemas.domesticPaymentCheck,
            rules: { nowMillis: this.clock.now(), options: this.options },
          });
    if (reading === undefined || 'rejection' in reading) {
      // The file was accepted at upload: it is missing or unreadable only when the identity server lost it.
      return authorizeFailure('The payment file of this consent cannot be read');
    }
    const summary = summarisePaymentFile(reading.contents);
    const fileDebtor = summary.debtorAccounts[0];
    const debtor =
      objectAt(initiation, 'DebtorAccount') ??
      (fileDebtor === undefined
        ? undefined
        : {
            Identification: fileDebtor.identification,
            ...(fileDebtor.schemeName === undefined ? {} : { SchemeName: fileDebtor.schemeName }),
          });
    return { boxes: fileBoxes(kind.title, initiation, summary, debtor), debtor };
  }

  /** A further authoriser of a payment its first authoriser staged: the payment, the progress, the account it debits. */
  private async furtherAuthoriserScreen(
    kind: UkConsentKind,
    consent: StoredConsentResource,
    customer: string,
  ): Promise<Outcome> {
    const authoriser = await this.furtherAuthorisation.check(consent, customer);
    if ('status' in authoriser) {
      return authoriser;
    }
    const content = this.paymentContent(kind, consent);
    if ('status' in content) {
      return content;
    }
    const consentData: ConsentScreenData = {
      type: kind.type,
      basicConsentData: { ...content.boxes, Authorisations: authorisationLines(authoriser.multiAuthorisation) },
      allowMultipleAccounts: false,
      initiatedAccountsForConsent: screenAccounts([authoriser.debtor], true),
    };
    return succeed({ consentData });
  }

  /**
   * Re-authentication of an Authorised long-lived consent by the customer who authorised it, before it expires: the
   * same page, marked as a re-authentication for the identity server (isReauthorization), with the accounts the consent
   * covers now already selected.
   */
  private async reauthenticationScreen(
    kind: UkConsentKind,
    consent: StoredConsentResource,
    customer: string,
  ): Promise<Outcome> {
    const refusal = reauthenticationRefusal(kind, consent, customer, consentExpired(kind, consent, this.clock.now()));
    if (refusal !== undefined) {
      return authorizeFailure(refusal);
    }
    const outcome = this.screen(kind, consent, await this.bank.accountsOf(customer));
    if (outcome.status !== 'SUCCESS') {
      return outcome;
    }
    const covered = activeAccountsOf(consent);
    const { consentData, consumerData } = outcome.data;
    return succeed({
      ...outcome.data,
      consentData: {
        ...consentData,
        basicConsentData: {
          ...consentData.basicConsentData,
          'Re-authentication': ['You are confirming access you already gave: it keeps its end date'],
        },
        isReauthorization: true,
      },
      ...(consumerData?.accounts === undefined
        ? {}
        : {
            consumerData: {
              ...consumerData,
              accounts: consumerData.accounts.map((account) => ({
                ...account,
                selected: covered.has(String(account['accountId'])),
              })),
            },
          }),
    });
  }

  /** One account: the one the consent names (it must be the customer's), else the customer's choice among `eligible`. */
  private namedAccountScreen(
    kind: UkConsentKind,
    boxes: ScreenBoxes,
    debtor: JsonObject | undefined,
    eligible: BankAccountView[],
  ): Outcome {
    const consentData: ConsentScreenData = { type: kind.type, basicConsentData: boxes, allowMultipleAccounts: false };
    if (isJsonObject(debtor)) {
      const account = namedAccount(eligible, debtor);
      if (account === undefined) {
        // §A.6: a debtor account that is not valid for the customer makes the consent Rejected after authentication.
        return authorizeFailure(
          'The account named by the TPP is not one of your accounts that can be used for this consent',
          UkConsentStatus.Rejected,
        );
      }
      return succeed({ consentData: { ...consentData, initiatedAccountsForConsent: screenAccounts([account], true) } });
    }
    if (eligible.length === 0) {
      return authorizeFailure('You have no account that can be used for this consent', UkConsentStatus.Rejected);
    }
    return succeed({ consentData, consumerData: { accounts: screenAccounts(eligible, false) } });
  }
}
