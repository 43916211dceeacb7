import type { ExtensionName } from '@app/contract';
import { reportReaction } from './answer-observer.js';
import { buildAuthorizedResources, type AccountSelection } from './consent-page-submission.js';
import { ConsentStore } from './consent-store.js';
import { buildDataRequestPayload, type ResourceRequest } from './gateway-request.js';
import { IdentityServerClient, type ExtensionAnswer } from './identity-server-client.js';
import { readEnvelopeLikeIdentityServer, type UsableEnvelopeReading } from './identity-server-envelope.js';
import { IdentityServerFailure } from './identity-server-failure.js';
import {
  accepted,
  attempt,
  businessError,
  failed,
  relayedError,
  type IdentityServerReaction,
} from './identity-server-reaction.js';
import { preservingNulls } from './identity-server-json.js';
import { isJsonRecord, recordAt, stringAt, type JsonRecord } from './json-values.js';
import { populateAnswerViolation } from './populate-answer-reading.js';

/** One call of the identity server: what it sent, the raw answer, and how it reacted. */
export interface SimulatedExchange extends ExtensionAnswer {
  readonly extension: ExtensionName;
  /** The `data` of the request, before serialisation (accounts may hold `JSON_NULL`). */
  readonly requestData: JsonRecord;
  readonly reaction: IdentityServerReaction;
}

export interface ConsentCreation {
  readonly creation: SimulatedExchange;
  /** Called only when the identity server stored the consent. */
  readonly enrichment?: SimulatedExchange;
  readonly consentId?: string;
}

export interface PersistOptions {
  /** The request-object claims; defaults to those given to `populateScreen` for this consent. */
  readonly requestParameters?: JsonRecord;
  readonly cookies?: Readonly<Record<string, string>>;
  readonly servletMetadata?: JsonRecord;
}

export interface FileUpload {
  readonly upload: SimulatedExchange;
  /** Called only when the identity server stored the file. */
  readonly enrichment?: SimulatedExchange;
}

export interface FileUploadOptions {
  /** `consentResourcePath`; defaults to the creation path, the consent id and `/file`. */
  readonly path?: string;
  /** TPP headers the gateway forwards besides `x-wso2-client-id` (e.g. `x-idempotency-key`, `x-jws-signature`). */
  readonly headers?: Readonly<Record<string, string>>;
}

export interface FileRetrieval {
  readonly exchange: SimulatedExchange;
  /** The stored file, which the identity server returns when the service agrees. */
  readonly file?: string;
}

export const ADMIN_REVOKE_PATH = '/api/fs/consent/admin/revoke';

function isPopulateExchange(value: unknown): value is SimulatedExchange {
  return isJsonRecord(value) && value.extension === 'populate-consent-authorize-screen' && 'body' in value;
}

/** Gson reads `requireTokenRevocation` as a Boolean; a string is read with parseBoolean. */
function gsonBoolean(value: unknown): boolean {
  return value === true || (typeof value === 'string' && value.toLowerCase() === 'true');
}

/** Jackson `asBoolean()`: true for `true`, `"true"` and non-zero numbers. */
function jacksonAsBoolean(value: unknown): boolean {
  return (
    value === true ||
    (typeof value === 'string' && value.trim().toLowerCase() === 'true') ||
    (typeof value === 'number' && value !== 0)
  );
}

/**
 * The identity server (FS accelerator) driving the extension service through a consent's life: one method per step,
 * each building `data` exactly as the Java caller does (contract §4), calling the service, and applying the answer to
 * the consent store where the identity server would.
 *
 * Methods throw `IdentityServerFailure` when the identity server would stop BEFORE calling the service (unknown
 * consent, no authorised user for an access token), and `MultipleAccountSelectionError` for a forbidden multiple
 * account choice at persist.
 */
export class IdentityServerSimulator {
  /** The path a consent was created under (`account-access-consents`), which later paths extend. */
  private readonly creationPaths = new Map<string, string>();
  /** What the identity server keeps in the authorize session between populate and persist. */
  private readonly requestParametersByConsent = new Map<string, JsonRecord>();
  /** The uploaded file of each file-payment consent (the identity server's consent file table). */
  private readonly files = new Map<string, string>();

  constructor(
    readonly client: IdentityServerClient,
    readonly store: ConsentStore = new ConsentStore(),
  ) {}

  /**
   * A TPP `POST /{path}`: pre-process-consent-creation, the store, then enrich-consent-creation-response with the
   * detailed variant. `body` is the TPP's JSON body (a string that is not JSON is left out, as the identity server does);
   * its nulls are sent, because the identity server holds it as an org.json tree, not as a bean.
   */
  async createConsent(
    path: string,
    body: unknown,
    clientId: string,
    options: { readonly idempotencyKey?: string } = {},
  ): Promise<ConsentCreation> {
    const requestData: JsonRecord = {
      consentInitiationData: preservingNulls(typeof body === 'string' ? this.parsedOrOmitted(body) : body),
      consentResourcePath: path,
      requestHeaders: { 'x-wso2-client-id': clientId },
    };
    let consentId: string | undefined;
    const creation = await this.exchange('pre-process-consent-creation', requestData, (reading) => {
      if (reading.kind === 'ERROR') {
        return relayedError(reading);
      }
      return attempt(() => {
        consentId = this.store.createConsent(
          recordAt(reading.data, 'consentResource'),
          clientId,
          options.idempotencyKey,
        ).id;
        this.creationPaths.set(consentId, path);
        return `stored consent ${consentId}`;
      });
    });
    if (consentId === undefined) {
      return { creation };
    }
    const enrichment = await this.enrichCreationResponse(consentId, path);
    return { creation, enrichment, consentId };
  }

  /** A TPP `GET /{path}/{id}` (pre-process-consent-retrieval, basic variant with attributes). */
  async retrieveConsent(consentId: string, path: string = this.resourcePath(consentId)): Promise<SimulatedExchange> {
    return this.exchange('pre-process-consent-retrieval', this.tppConsentCall(consentId, path), (reading) =>
      reading.kind === 'ERROR' ? relayedError(reading) : this.responseAlteration(reading.data, 200),
    );
  }

  /** The consent page loads (populate-consent-authorize-screen, detailed variant). */
  async populateScreen(consentId: string, userId: string, requestObjectClaims: JsonRecord): Promise<SimulatedExchange> {
    this.store.get(consentId);
    this.requestParametersByConsent.set(consentId, requestObjectClaims);
    const file = this.files.get(consentId);
    const requestData: JsonRecord = {
      consentId,
      userId,
      requestParameters: requestObjectClaims,
      // The detailed variant, plus the uploaded file when the consent has one (contract §3.1).
      consentResource: { ...this.store.detailedView(consentId), ...(file === undefined ? {} : { fileContent: file }) },
    };
    return this.exchange('populate-consent-authorize-screen', requestData, (reading) => {
      if (reading.kind === 'ERROR') {
        return this.authorizeError(consentId, reading.data);
      }
      const violation = populateAnswerViolation(reading.data);
      return violation === undefined
        ? accepted('the consent page is rendered from the answer')
        : failed(`the TPP is redirected with invalid_request: ${violation}`);
    });
  }

  /**
   * The customer approves or denies on the consent page (persist-authorized-consent, detailed variant).
   * `populateAnswer` is the populate exchange or the `data` of its SUCCESS, which the identity server kept in the
   * session to rebuild `authorizedData`.
   */
  async persist(
    consentId: string,
    userId: string,
    populateAnswer: unknown,
    selection: AccountSelection,
    approve: boolean,
    options: PersistOptions = {},
  ): Promise<SimulatedExchange> {
    this.store.get(consentId);
    const populateData =
      isPopulateExchange(populateAnswer) && isJsonRecord(populateAnswer.body)
        ? populateAnswer.body.data
        : populateAnswer;
    if (recordAt(populateData, 'consentData') === undefined) {
      throw new IdentityServerFailure(
        'the populate answer has no consentData: the persist step dereferences it (NullPointerException)',
      );
    }
    const authorizedResources = buildAuthorizedResources(populateData, {
      userId,
      approve,
      selection,
      ...(options.cookies === undefined ? {} : { cookies: options.cookies }),
      ...(options.servletMetadata === undefined ? {} : { servletMetadata: options.servletMetadata }),
    });
    const requestParameters = options.requestParameters ??
      this.requestParametersByConsent.get(consentId) ?? { scope: 'openid accounts' };
    const requestData: JsonRecord = {
      consentId,
      isApproved: approve,
      consentResource: this.store.detailedView(consentId),
      userGrantedData: { userId, requestParameters, authorizedResources },
    };
    return this.exchange('persist-authorized-consent', requestData, (reading) => {
      if (reading.kind === 'ERROR') {
        return this.authorizeError(consentId, reading.data);
      }
      return attempt(() => {
        this.store.applyPersist(consentId, recordAt(reading.data, 'consentResource'), userId);
        return approve
          ? 'stored; the authorize request completes and the TPP receives a code'
          : 'stored; the TPP is redirected with access_denied "User denied the consent"';
      });
    });
  }

  /** A TPP API call through the gateway (validate-consent-access, detailed variant). */
  async validateAccess(consentId: string, request: ResourceRequest): Promise<SimulatedExchange> {
    const consent = this.store.get(consentId);
    const tokenUserId =
      request.userId ?? consent.authorizations.find((authorization) => authorization.userId !== undefined)?.userId;
    if (tokenUserId === undefined) {
      throw new IdentityServerFailure(
        'no authorization of the consent has a user: the identity server answers 400 "Invalid User Id" without calling the service',
      );
    }
    const requestData: JsonRecord = {
      consentId,
      consentResource: this.store.detailedView(consentId),
      dataRequestPayload: buildDataRequestPayload(consent, request, tokenUserId),
    };
    return this.exchange('validate-consent-access', requestData, (reading) => {
      if (reading.kind === 'SUCCESS') {
        return accepted('the API call goes through');
      }
      if (!isJsonRecord(reading.data)) {
        return failed('ERROR without data: the validate endpoint throws a NullPointerException');
      }
      if (reading.errorCode === 0) {
        return failed('ERROR without errorCode: the error fields are dropped and the gateway cannot relay them');
      }
      return businessError(
        `the gateway answers HTTP ${reading.errorCode} ${String(reading.data.errorMessage)}: ${String(reading.data.errorDescription)}`,
      );
    });
  }

  /** The token endpoint on an authorization_code or refresh_token grant (issue-refresh-token). */
  async issueRefreshToken(
    consentId: string,
    grantType = 'authorization_code',
    defaultRefreshTokenValidityPeriod = -1,
  ): Promise<SimulatedExchange> {
    const consent = this.store.get(consentId);
    const requestData: JsonRecord = {
      grantType,
      consentCreatedTime: consent.createdTime,
      consentValidityPeriod: consent.validityTime,
      defaultRefreshTokenValidityPeriod,
    };
    return this.exchange('issue-refresh-token', requestData, (reading) => {
      if (reading.kind === 'ERROR') {
        return businessError(
          `the token endpoint fails with ${stringAt(reading.data, 'errorMessage') ?? 'server_error'}`,
        );
      }
      if (
        !isJsonRecord(reading.data) ||
        reading.data.issueRefreshToken === undefined ||
        reading.data.issueRefreshToken === null
      ) {
        return failed('Missing issueRefreshToken in response payload.');
      }
      return accepted(
        jacksonAsBoolean(reading.data.issueRefreshToken) ? 'a refresh token is issued' : 'no refresh token is issued',
      );
    });
  }

  /** The authorize endpoint vets a request object (validate-authorization-request). */
  async validateAuthorizationRequest(requestObject: JsonRecord): Promise<SimulatedExchange> {
    return this.exchange('validate-authorization-request', { requestObject }, (reading) =>
      reading.kind === 'SUCCESS'
        ? accepted('the authorize request proceeds')
        : businessError(`invalid_request: ${stringAt(reading.data, 'errorDescription') ?? 'no description'}`),
    );
  }

  /** A TPP `DELETE /{path}/{id}` (pre-process-consent-revoke, basic variant with attributes and request headers). */
  async revoke(consentId: string, path: string = this.resourcePath(consentId)): Promise<SimulatedExchange> {
    return this.exchange('pre-process-consent-revoke', this.tppConsentCall(consentId, path), (reading) =>
      this.revocation(consentId, reading),
    );
  }

  /**
   * A TPP `POST /{path}/{id}/file` (pre-process-consent-file-upload, detailed variant, the file as the text received):
   * on SUCCESS the identity server stores the file, sets the consent to `consentStatus`, and calls
   * enrich-consent-file-response with the upload time.
   */
  async uploadFile(consentId: string, fileContent: string, options: FileUploadOptions = {}): Promise<FileUpload> {
    const consent = this.store.get(consentId);
    const requestData: JsonRecord = {
      consentId,
      fileContent,
      consentResourcePath: options.path ?? `${this.resourcePath(consentId)}/file`,
      requestHeaders: { 'x-wso2-client-id': consent.clientId, ...options.headers },
      consentResource: this.store.detailedView(consentId),
    };
    let stored = false;
    const upload = await this.exchange('pre-process-consent-file-upload', requestData, (reading) => {
      if (reading.kind === 'ERROR') {
        return relayedError(reading);
      }
      const consentStatus = stringAt(reading.data, 'consentStatus') ?? '';
      if (consentStatus.trim() === '') {
        return failed('New consent status for file upload is missing: the identity server answers 400');
      }
      return attempt(() => {
        this.store.updateStatus(consentId, consentStatus);
        this.files.set(consentId, fileContent);
        stored = true;
        return `file stored, consent set to ${consentStatus}`;
      });
    });
    if (!stored) {
      return { upload };
    }
    // OffsetDateTime.now().toString() in the identity server's time zone.
    const enrichment = await this.exchange(
      'enrich-consent-file-response',
      { consentId, fileUploadCreatedTime: new Date().toISOString() },
      (reading) =>
        reading.kind === 'ERROR'
          ? relayedError(reading, 'the file is already stored; ')
          : this.responseAlteration(reading.data, 200),
    );
    return { upload, enrichment };
  }

  /** A TPP `GET /{path}/{id}/file` (validate-consent-file-retrieval, basic variant): SUCCESS returns the stored file. */
  async retrieveFile(consentId: string, path: string = `${this.resourcePath(consentId)}/file`): Promise<FileRetrieval> {
    const file = this.files.get(consentId);
    const exchange = await this.exchange(
      'validate-consent-file-retrieval',
      this.tppConsentCall(consentId, path),
      (reading) =>
        reading.kind === 'ERROR'
          ? relayedError(reading)
          : accepted(
              file === undefined
                ? 'the TPP receives HTTP 200 with no file'
                : 'the TPP receives HTTP 200 with the stored file',
            ),
    );
    return { exchange, ...(file !== undefined && exchange.reaction.outcome === 'accepted' ? { file } : {}) };
  }

  /** The data of a TPP call on a stored consent (GET or DELETE): basic variant with attributes and request headers. */
  private tppConsentCall(consentId: string, path: string): JsonRecord {
    return {
      consentId,
      consentResourcePath: path,
      requestHeaders: { 'x-wso2-client-id': this.store.get(consentId).clientId },
      consentResource: this.store.basicView(consentId, { withAttributes: true }),
    };
  }

  /** The admin/self-care revoke: no request headers, and a basic variant WITHOUT attributes (contract §4.4 b). */
  async adminRevoke(consentId: string): Promise<SimulatedExchange> {
    this.store.get(consentId);
    const requestData: JsonRecord = {
      consentId,
      consentResourcePath: ADMIN_REVOKE_PATH,
      consentResource: this.store.basicView(consentId, { withAttributes: false }),
    };
    return this.exchange('pre-process-consent-revoke', requestData, (reading) => this.revocation(consentId, reading));
  }

  /** The consent web app's exception mapper (map-accelerator-error-response); `code` travels as a string. */
  async mapError(code: number | string, description: string, operation: string): Promise<SimulatedExchange> {
    const requestData: JsonRecord = { error: { code: String(code), description, operation } };
    return this.exchange('map-accelerator-error-response', requestData, (reading) => {
      if (reading.data === undefined || reading.data === null) {
        return failed('no data: NullPointerException in the exception mapper');
      }
      if (reading.errorCode < 100 || reading.errorCode > 599) {
        return failed(`errorCode ${reading.errorCode} is not an HTTP status: Response.status throws`);
      }
      return accepted(`the client receives HTTP ${reading.errorCode} with data as the body`);
    });
  }

  /**
   * A transport-level retry of an exchange: identical bytes, same `requestId`. Nothing is applied to the store: in
   * the real flow the first attempt timed out, so the identity server only ever sees one answer.
   */
  async resend(exchange: ExtensionAnswer): Promise<ExtensionAnswer> {
    return this.client.retry(exchange);
  }

  /** The path a consent was created under, extended with its id (what TPP GET and DELETE calls carry). */
  resourcePath(consentId: string): string {
    const creationPath = this.creationPaths.get(consentId);
    if (creationPath === undefined) {
      throw new IdentityServerFailure(
        `consent ${consentId} was not created through this simulator: pass its resource path`,
      );
    }
    return `${creationPath}/${consentId}`;
  }

  private async enrichCreationResponse(consentId: string, path: string): Promise<SimulatedExchange> {
    const requestData: JsonRecord = {
      consentId,
      consentResourcePath: path,
      consentResource: this.store.detailedView(consentId),
    };
    return this.exchange('enrich-consent-creation-response', requestData, (reading) =>
      reading.kind === 'ERROR'
        ? relayedError(reading, 'the consent is already stored; ')
        : this.responseAlteration(reading.data, 201),
    );
  }

  /** `modifiedResponse` becomes the TPP body; every `responseHeaders` value must be a string (a null is an NPE). */
  private responseAlteration(data: unknown, httpStatus: number): IdentityServerReaction {
    const headers = recordAt(data, 'responseHeaders') ?? {};
    const badHeader = Object.entries(headers).find(([, value]) => typeof value !== 'string');
    if (badHeader !== undefined) {
      return failed(`responseHeaders.${badHeader[0]} is not a string: the identity server fails setting the header`);
    }
    return accepted(`the TPP receives HTTP ${httpStatus} with modifiedResponse as the body`);
  }

  /** A populate or persist ERROR: `newConsentStatus` is applied first, then the TPP gets `server_error`. */
  private authorizeError(consentId: string, data: unknown): IdentityServerReaction {
    const newConsentStatus = stringAt(data, 'newConsentStatus');
    const errorMessage = stringAt(data, 'errorMessage') ?? 'server_error';
    if (newConsentStatus !== undefined && newConsentStatus.trim() !== '') {
      const update = attempt(() => {
        this.store.updateStatus(consentId, newConsentStatus);
        return `consent set to ${newConsentStatus}`;
      });
      if (update.outcome === 'failed') {
        return update;
      }
      return businessError(`${update.description}; the TPP is redirected with server_error: ${errorMessage}`);
    }
    return businessError(`the TPP is redirected with server_error: ${errorMessage}`);
  }

  private revocation(consentId: string, reading: UsableEnvelopeReading): IdentityServerReaction {
    if (reading.kind === 'ERROR') {
      return relayedError(reading);
    }
    const revocationStatusName = stringAt(reading.data, 'revocationStatusName') ?? '';
    const requireTokenRevocation = gsonBoolean(
      isJsonRecord(reading.data) ? reading.data.requireTokenRevocation : undefined,
    );
    return attempt(() => {
      this.store.applyRevocation(consentId, { revocationStatusName, requireTokenRevocation });
      return `consent set to ${revocationStatusName}, mappings inactive${requireTokenRevocation ? ', tokens revoked' : ''}; the caller receives 204`;
    });
  }

  private parsedOrOmitted(text: string): unknown {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return undefined;
    }
  }

  private async exchange(
    extension: ExtensionName,
    requestData: JsonRecord,
    react: (reading: UsableEnvelopeReading) => IdentityServerReaction,
  ): Promise<SimulatedExchange> {
    const answer = await this.client.call(extension, requestData);
    const reading = readEnvelopeLikeIdentityServer(answer);
    if (reading.kind === 'unusable') {
      // Not reported: the contract matcher, which sees every answer the client receives, already refuses such an envelope.
      return { ...answer, extension, requestData, reaction: failed(reading.reason) };
    }
    const reaction = react(reading);
    reportReaction(
      { extension, requestId: answer.requestId, httpStatus: answer.httpStatus, body: answer.body },
      reaction,
    );
    return { ...answer, extension, requestData, reaction };
  }
}
