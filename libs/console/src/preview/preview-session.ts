import type {
  AccountSelection,
  ConsentResourceView,
  IdentityServerReaction,
  IdentityServerSimulator,
  JsonRecord,
  RecordedExchange,
  RecordingIdentityServerClient,
} from '@app/testing';
import type { ConsentExample } from './examples/consent-example.js';

/** One call the identity server made for the preview, and what it then did with the answer. */
export interface PreviewStep {
  readonly title: string;
  readonly exchange: RecordedExchange;
  readonly reaction: IdentityServerReaction;
}

/** The customer's decision on the consent page and where it left the consent. */
export interface PreviewDecision {
  readonly approved: boolean;
  readonly selection: AccountSelection;
  /** The persist call's requestId, to look up in the decision trace. */
  readonly requestId: string;
  /** The consent as the identity server stored it afterwards; undefined when persist failed. */
  readonly storedConsent: ConsentResourceView | undefined;
}

/**
 * A previewed consent between the page that shows it and the customer's decision: the identity server's state for it
 * (its simulator and consent store), the calls so far, and the populate answer the page is drawn from.
 */
export interface PreviewSession {
  readonly spec: string;
  readonly example: ConsentExample;
  readonly userId: string;
  readonly client: RecordingIdentityServerClient;
  readonly simulator: IdentityServerSimulator;
  readonly claims: JsonRecord;
  readonly steps: PreviewStep[];
  /** The identity server's consent id, once it stored the consent. */
  consentId: string | undefined;
  /** The `data` of a populate SUCCESS the identity server accepted: what the consent page renders. */
  populateData: JsonRecord | undefined;
  decision: PreviewDecision | undefined;
}
