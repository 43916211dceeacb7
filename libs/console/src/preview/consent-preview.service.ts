import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  accepted,
  attempt,
  buildAuthorizedResources,
  buildRequestObjectClaims,
  businessError,
  failed,
  IdentityServerFailure,
  IdentityServerSimulator,
  isJsonRecord,
  MultipleAccountSelectionError,
  populateAnswerViolation,
  preservingNulls,
  readEnvelopeLikeIdentityServer,
  recordAt,
  relayedError,
  signDetached,
  stringAt,
  uaeEncryptedPii,
  uaeRequestObjectClaims,
  type AccountSelection,
  type ExtensionAnswer,
  type IdentityServerReaction,
  type JsonRecord,
} from '@app/testing';
import { BoundedStore } from '../service/bounded-store.js';
import { SelfClientFactory } from '../service/self-client.factory.js';
import type { ConsentExample } from './examples/consent-example.js';
import type { PreviewSession } from './preview-session.js';

/** What the integrator chose and edited on the preview form. */
export interface PreviewInput {
  /** The served specification (path segment). */
  readonly spec: string;
  readonly example: ConsentExample;
  readonly userId: string;
  readonly resourcePath: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: JsonRecord;
}

const MAX_SESSIONS = 50;
const SESSION_MAX_AGE_MS = 60 * 60_000;

/**
 * Drives this service through the identity server's calls up to the consent page, and then through the customer's
 * decision, with the simulator: pre-process-consent-creation and enrich-consent-creation-response (or, for consents
 * pushed in the request object, validate-authorization-request), populate-consent-authorize-screen, and
 * persist-authorized-consent. Every call goes over HTTP to the service's own endpoints.
 */
@Injectable()
export class ConsentPreviewService {
  private readonly sessions = new BoundedStore<PreviewSession>(MAX_SESSIONS, SESSION_MAX_AGE_MS);

  constructor(private readonly clients: SelfClientFactory) {}

  find(id: string): PreviewSession | undefined {
    return this.sessions.get(id);
  }

  /** Runs the calls up to the consent page and returns the id of the preview. */
  async start(input: PreviewInput): Promise<string> {
    const client = this.clients.client(input.spec);
    const session: PreviewSession = {
      spec: input.spec,
      example: input.example,
      userId: input.userId,
      client,
      simulator: new IdentityServerSimulator(client),
      claims: {},
      steps: [],
      consentId: undefined,
      populateData: undefined,
      decision: undefined,
    };
    if (input.example.flow === 'pushed-authorization') {
      await this.pushedAuthorization(session, input);
    } else {
      await this.tppInitiated(session, input);
    }
    return this.sessions.add(session);
  }

  /** The customer approves or denies: persist-authorized-consent, then the consent as the identity server stores it. */
  async decide(session: PreviewSession, approve: boolean, selection: AccountSelection): Promise<void> {
    if (session.populateData === undefined) {
      throw new IdentityServerFailure('there is no consent page to decide on');
    }
    if (session.decision !== undefined) {
      // The identity server's session ends with the first decision; a second submission of the page is not sent.
      return;
    }
    const populateData = session.populateData;
    const mark = session.client.exchanges.length;
    let reaction: IdentityServerReaction;
    try {
      reaction =
        session.example.flow === 'pushed-authorization'
          ? await this.persistNewConsent(session, populateData, approve, selection)
          : (
              await session.simulator.persist(
                required(session.consentId),
                session.userId,
                populateData,
                selection,
                approve,
              )
            ).reaction;
    } catch (error: unknown) {
      if (error instanceof MultipleAccountSelectionError || error instanceof IdentityServerFailure) {
        // The identity server stops before calling the service.
        session.decision = { approved: approve, selection, requestId: '', storedConsent: undefined };
        session.steps.push({
          title: 'The customer submits the consent page',
          exchange: notSent(error.message),
          reaction: failed(`invalid_request: ${error.message}`),
        });
        return;
      }
      throw error;
    }
    const exchange = session.client.exchanges[mark];
    session.steps.push({
      title: approve
        ? 'The customer approves: persist-authorized-consent'
        : 'The customer denies: persist-authorized-consent',
      exchange,
      reaction,
    });
    const stored =
      session.consentId === undefined || reaction.outcome === 'failed'
        ? undefined
        : session.simulator.store.detailedView(session.consentId);
    session.decision = { approved: approve, selection, requestId: exchange.requestId, storedConsent: stored };
  }

  private async tppInitiated(session: PreviewSession, input: PreviewInput): Promise<void> {
    const { example } = input;
    const requestHeaders: Record<string, string> = { 'x-wso2-client-id': example.clientId, ...input.headers };
    if (example.preparation === 'uk-detached-jws') {
      requestHeaders['x-idempotency-key'] ??= randomUUID();
      requestHeaders['x-jws-signature'] ??= await signDetached(input.body);
    }
    const creation = await session.client.call('pre-process-consent-creation', {
      consentInitiationData: preservingNulls(input.body),
      consentResourcePath: input.resourcePath,
      requestHeaders,
    });
    const creationReading = readEnvelopeLikeIdentityServer(creation);
    let reaction: IdentityServerReaction;
    switch (creationReading.kind) {
      case 'unusable':
        reaction = failed(creationReading.reason);
        break;
      case 'ERROR':
        reaction = relayedError(creationReading);
        break;
      case 'SUCCESS':
        reaction = attempt(() => {
          session.consentId = session.simulator.store.createConsent(
            recordAt(creationReading.data, 'consentResource'),
            example.clientId,
            requestHeaders['x-idempotency-key'],
          ).id;
          return `stores consent ${session.consentId}`;
        });
        break;
    }
    this.record(session, 'The TPP creates the consent: pre-process-consent-creation', reaction);
    if (session.consentId === undefined) {
      return;
    }
    const consentId = session.consentId;
    const enrichment = await session.client.call('enrich-consent-creation-response', {
      consentId,
      consentResourcePath: input.resourcePath,
      consentResource: session.simulator.store.detailedView(consentId),
    });
    const enrichmentReading = readEnvelopeLikeIdentityServer(enrichment);
    this.record(
      session,
      'The TPP gets its answer: enrich-consent-creation-response',
      enrichmentReading.kind === 'unusable'
        ? failed(enrichmentReading.reason)
        : enrichmentReading.kind === 'ERROR'
          ? relayedError(enrichmentReading, 'the consent is already stored; ')
          : accepted('the TPP receives HTTP 201 with modifiedResponse as the body'),
    );
    const claims = buildRequestObjectClaims({ clientId: example.clientId, consentId, scope: example.scope });
    Object.assign(session.claims, claims);
    const populate = await session.simulator.populateScreen(consentId, session.userId, claims);
    this.record(session, 'The customer opens the consent page: populate-consent-authorize-screen', populate.reaction);
    session.populateData = acceptedPopulateData(populate, populate.reaction);
  }

  private async pushedAuthorization(session: PreviewSession, input: PreviewInput): Promise<void> {
    const item = input.example.preparation === 'uae-pii' ? withEncryptedPii(input.body) : input.body;
    const claims = uaeRequestObjectClaims(item, input.example.clientId);
    Object.assign(session.claims, claims);
    const validation = await session.simulator.validateAuthorizationRequest(claims);
    this.record(
      session,
      'The TPP pushes the authorization request: validate-authorization-request',
      validation.reaction,
    );
    if (validation.reaction.outcome !== 'accepted') {
      return;
    }
    const populate = await session.client.call('populate-consent-authorize-screen', {
      userId: session.userId,
      requestParameters: claims,
      consentResource: {},
    });
    const reading = readEnvelopeLikeIdentityServer(populate);
    let reaction: IdentityServerReaction;
    if (reading.kind === 'unusable') {
      reaction = failed(reading.reason);
    } else if (reading.kind === 'ERROR') {
      reaction = businessError(
        `the TPP is redirected with server_error: ${stringAt(reading.data, 'errorMessage') ?? 'server_error'}`,
      );
    } else {
      const violation = populateAnswerViolation(reading.data);
      reaction =
        violation === undefined
          ? accepted('the consent page is rendered from the answer')
          : failed(`the TPP is redirected with invalid_request: ${violation}`);
    }
    this.record(session, 'The customer opens the consent page: populate-consent-authorize-screen', reaction);
    session.populateData = acceptedPopulateData(populate, reaction);
  }

  /** Persist without a consent: the identity server creates the consent from the answer (contract §4.10). */
  private async persistNewConsent(
    session: PreviewSession,
    populateData: JsonRecord,
    approve: boolean,
    selection: AccountSelection,
  ): Promise<IdentityServerReaction> {
    const authorizedResources = buildAuthorizedResources(populateData, { userId: session.userId, approve, selection });
    const answer = await session.client.call('persist-authorized-consent', {
      isApproved: approve,
      userGrantedData: { userId: session.userId, requestParameters: session.claims, authorizedResources },
    });
    const reading = readEnvelopeLikeIdentityServer(answer);
    if (reading.kind === 'unusable') {
      return failed(reading.reason);
    }
    if (reading.kind === 'ERROR') {
      return businessError(
        `the TPP is redirected with server_error: ${stringAt(reading.data, 'errorMessage') ?? 'server_error'}`,
      );
    }
    return attempt(() => {
      session.consentId = session.simulator.store.createConsent(
        recordAt(reading.data, 'consentResource'),
        session.example.clientId,
      ).id;
      return approve
        ? `creates consent ${session.consentId}; the authorize request completes and the TPP receives a code`
        : `creates consent ${session.consentId}; the TPP is redirected with access_denied "User denied the consent"`;
    });
  }

  private record(session: PreviewSession, title: string, reaction: IdentityServerReaction): void {
    const exchange = session.client.exchanges.at(-1);
    if (exchange !== undefined) {
      session.steps.push({ title, exchange, reaction });
    }
  }
}

function required(consentId: string | undefined): string {
  if (consentId === undefined) {
    throw new IdentityServerFailure('the consent was never stored');
  }
  return consentId;
}

/** The populate `data` the page is drawn from, when the identity server accepted the answer. */
function acceptedPopulateData(answer: ExtensionAnswer, reaction: IdentityServerReaction): JsonRecord | undefined {
  if (reaction.outcome !== 'accepted' || !isJsonRecord(answer.body) || !isJsonRecord(answer.body.data)) {
    return undefined;
  }
  return answer.body.data;
}

/** The TPP sends its PII as a JWE for the bank's key; the page shows it decrypted so that it can be edited. */
function withEncryptedPii(item: JsonRecord): JsonRecord {
  const consent = recordAt(item, 'consent');
  const pii = consent?.PersonalIdentifiableInformation;
  if (consent === undefined || !isJsonRecord(pii)) {
    return item;
  }
  return { ...item, consent: { ...consent, PersonalIdentifiableInformation: uaeEncryptedPii(pii) } };
}

/** A submission the identity server refuses itself, shown in place of a call. */
function notSent(reason: string): PreviewSession['steps'][number]['exchange'] {
  return {
    extension: 'persist-authorized-consent',
    requestId: '',
    url: '',
    headers: {},
    requestText: '',
    failure: `not sent: ${reason}`,
    violations: [],
  };
}
