import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { loadOfficialOpenApiDocument, OfficialSchemaValidators } from '@app/openapi-schemas';
import type { IdentityServerSimulator } from '@app/testing';
import type { RunningTestServer } from '../support/test-server.js';
// The @app/testing barrel does not export the uae journey fixtures yet (the lead adds them with the journey).
import { uaeDataSharingItem, uaeSingleInstantPaymentItem } from '@app/testing';
import { at, callChecked, checkedBody } from './support/uae-calls.js';
import { uaeSimulator } from './support/uae-simulator.js';
import { storeUaeConsent, TPP } from './support/uae-stored-consents.js';
import { startUaeTestServer } from './support/uae-test-specs.js';

const openapi = join(process.cwd(), 'libs', 'spec-uae', 'assets', 'openapi');
const accountInformation = new OfficialSchemaValidators(
  loadOfficialOpenApiDocument(join(openapi, 'uae-account-information-openapi.yaml')),
);
const bankInitiation = new OfficialSchemaValidators(
  loadOfficialOpenApiDocument(join(openapi, 'uae-bank-initiation-openapi.yaml')),
);
const dataSharingConsentBody = accountInformation.schema('AEConsentStatus.AEBankDataSharingConsentPropertiesV21');
const paymentConsentBody = bankInitiation.schema(
  'AEBankServiceInitiationConsentStatusV21.AEBankServiceInitiationConsentProperties',
);
const error400Body = accountInformation.schema('AEError400Response');

/* Retrieval (spec-rules §C.5), revocation (§C.4) and the consent-manage error format (§C.6). */
describe('uae consent retrieval and revocation', () => {
  let server: RunningTestServer;
  let simulator: IdentityServerSimulator;
  beforeAll(async () => {
    server = await startUaeTestServer({ UAE_RESOURCE_BASE_URL: 'https://api.bank.ae/open-finance/v2.1' });
    simulator = uaeSimulator(server);
  });
  afterAll(async () => {
    await server.close();
  });

  const retrieve = (isConsentId: string, path = 'account-access-consents') =>
    simulator.retrieveConsent(isConsentId, `${path}/${isConsentId}`).then(checkedBody);

  it('answers the data sharing consent body, exactly as the official schema allows', async () => {
    const item = uaeDataSharingItem();
    const consent = storeUaeConsent(simulator, item);
    const body = await retrieve(consent.isConsentId);
    expect(at(body, 'status')).toBe('SUCCESS');
    const response = at(body, 'data.modifiedResponse');
    expect(dataSharingConsentBody(response)).toBeUndefined();
    expect(response).toMatchObject({
      Data: {
        ConsentId: consent.tppConsentId,
        Status: 'Authorized',
        Permissions: at(item, 'consent.Permissions'),
        ExpirationDateTime: at(item, 'consent.ExpirationDateTime'),
        FromDate: '2029-01-01',
        ToDate: '2029-12-31',
        OpenFinanceBilling: { UserType: 'Retail', Purpose: 'AccountAggregation' },
      },
      Subscription: { Webhook: { Url: 'https://tpp.example.com/webhook', IsActive: true } },
      Links: { Self: `https://api.bank.ae/open-finance/v2.1/account-access-consents/${consent.tppConsentId}` },
      Meta: {},
    });
    expect(at(response, 'Data.CreationDateTime')).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+00:00$/);
  });

  it('answers the payment consent body without the PII, as the official schema allows', async () => {
    const consent = storeUaeConsent(simulator, uaeSingleInstantPaymentItem(), {
      accountIds: ['AE070331234567890123456'],
    });
    const body = await retrieve(consent.isConsentId, 'payment-consents');
    const response = at(body, 'data.modifiedResponse');
    expect(paymentConsentBody(response)).toBeUndefined();
    expect(JSON.stringify(response)).not.toContain('PersonalIdentifiableInformation');
    expect(at(response, 'Data')).toMatchObject({
      ConsentId: consent.tppConsentId,
      Status: 'Authorized',
      PaymentPurposeCode: 'ACM',
    });
  });

  it('shows an Authorized consent past its ExpirationDateTime as Expired', async () => {
    const consent = storeUaeConsent(simulator, uaeDataSharingItem(), {
      validityTime: Math.floor(Date.now() / 1000) - 10,
    });
    expect(at(await retrieve(consent.isConsentId), 'data.modifiedResponse.Data.Status')).toBe('Expired');
  });

  it.each([
    [
      'a payment consent read as data sharing',
      () => storeUaeConsent(simulator, uaeSingleInstantPaymentItem()),
      'account-access-consents',
    ],
    [
      'a data sharing consent read as a payment',
      () => storeUaeConsent(simulator, uaeDataSharingItem()),
      'payment-consents',
    ],
  ])('refuses %s with 400 Consent.Invalid', async (_label, store, path) => {
    const body = await retrieve(store().isConsentId, path);
    expect(body).toMatchObject({ status: 'ERROR', errorCode: 400, data: { Errors: [{ Code: 'Consent.Invalid' }] } });
    expect(error400Body(at(body, 'data'))).toBeUndefined();
  });

  it('refuses a consent this module did not make (no UAE receipt) with 400 Consent.Invalid', async () => {
    const answer = await callChecked(simulator.client, 'pre-process-consent-retrieval', {
      consentId: randomUUID(),
      consentResourcePath: 'account-access-consents/x',
      consentResource: { id: 'x', status: 'Authorised', receipt: {} },
    });
    expect(answer).toMatchObject({ status: 'ERROR', errorCode: 400, data: { Errors: [{ Code: 'Consent.Invalid' }] } });
  });

  it.each(['Authorized', 'AwaitingAuthorization', 'Suspended'])(
    'revokes a consent in %s, then retrieval shows Revoked by the TPP',
    async (status) => {
      const consent = storeUaeConsent(simulator, uaeDataSharingItem(), { status });
      const answer = await simulator.revoke(consent.isConsentId, `account-access-consents/${consent.isConsentId}`);
      expect(checkedBody(answer)).toMatchObject({
        status: 'SUCCESS',
        data: { revocationStatusName: 'Revoked', requireTokenRevocation: status !== 'AwaitingAuthorization' },
      });
      const data = at(await retrieve(consent.isConsentId), 'data.modifiedResponse');
      expect(at(data, 'Data')).toMatchObject({ Status: 'Revoked', RevokedBy: 'TPP' });
      expect(dataSharingConsentBody(data)).toBeUndefined();
    },
  );

  it('records LFI.InitiatedByUser when the customer revokes at the bank', async () => {
    const consent = storeUaeConsent(simulator, uaeDataSharingItem());
    expect(checkedBody(await simulator.adminRevoke(consent.isConsentId))).toMatchObject({
      status: 'SUCCESS',
      data: { revocationStatusName: 'Revoked' },
    });
    expect(at(await retrieve(consent.isConsentId), 'data.modifiedResponse.Data.RevokedBy')).toBe('LFI.InitiatedByUser');
  });

  it.each(['Rejected', 'Revoked', 'Expired', 'Consumed'])(
    'AE-24 refuses to revoke a consent in %s with 400 Consent.BusinessRuleViolation',
    async (status) => {
      const consent = storeUaeConsent(simulator, uaeDataSharingItem(), { status });
      const answer = await simulator.revoke(consent.isConsentId, `account-access-consents/${consent.isConsentId}`);
      const body = checkedBody(answer);
      expect(body).toMatchObject({
        status: 'ERROR',
        errorCode: 400,
        data: {
          Errors: [
            { Code: 'Consent.BusinessRuleViolation', Message: `A consent in status ${status} cannot be revoked` },
          ],
        },
      });
      expect(error400Body(at(body, 'data'))).toBeUndefined();
    },
  );

  it('AE-24 refuses to revoke an Authorized consent past its expiry (Expired)', async () => {
    const consent = storeUaeConsent(simulator, uaeDataSharingItem(), {
      validityTime: Math.floor(Date.now() / 1000) - 10,
    });
    const answer = await simulator.revoke(consent.isConsentId, `account-access-consents/${consent.isConsentId}`);
    expect(checkedBody(answer)).toMatchObject({
      status: 'ERROR',
      errorCode: 400,
      data: { Errors: [{ Code: 'Consent.BusinessRuleViolation' }] },
    });
  });

  describe("another TPP's consent (issue 9, rule 15): answered like an unknown consent, never read nor revoked", () => {
    const call = (
      extension: 'pre-process-consent-retrieval' | 'pre-process-consent-revoke',
      isConsentId: string,
      clientId: string,
    ) =>
      callChecked(simulator.client, extension, {
        consentId: isConsentId,
        consentResourcePath: `account-access-consents/${isConsentId}`,
        requestHeaders: { 'x-wso2-client-id': clientId },
        consentResource: simulator.store.basicView(isConsentId, { withAttributes: true }),
      });
    const refusal = {
      httpStatus: 200,
      status: 'ERROR',
      errorCode: 400,
      data: {
        Errors: [
          {
            Code: 'Consent.Invalid',
            Message: 'The ConsentId does not identify a UAE consent of this TPP',
            Path: 'ConsentId',
          },
        ],
      },
    };

    it('refuses the retrieval with 400 Consent.Invalid, and serves its own TPP', async () => {
      const consent = storeUaeConsent(simulator, uaeDataSharingItem());
      const foreign = await call('pre-process-consent-retrieval', consent.isConsentId, 'another-tpp');
      expect(foreign).toEqual(refusal);
      expect(error400Body(foreign.data)).toBeUndefined();
      expect(await call('pre-process-consent-retrieval', consent.isConsentId, TPP)).toMatchObject({
        status: 'SUCCESS',
        data: { modifiedResponse: { Data: { ConsentId: consent.tppConsentId } } },
      });
    });

    it('refuses the revocation with 400 Consent.Invalid and records no RevokedBy; its own TPP revokes it', async () => {
      const consent = storeUaeConsent(simulator, uaeDataSharingItem());
      expect(await call('pre-process-consent-revoke', consent.isConsentId, 'another-tpp')).toEqual(refusal);
      expect(at(await retrieve(consent.isConsentId), 'data.modifiedResponse.Data')).toMatchObject({
        Status: 'Authorized',
      });
      expect(at(await retrieve(consent.isConsentId), 'data.modifiedResponse.Data.RevokedBy')).toBeUndefined();
      expect(await call('pre-process-consent-revoke', consent.isConsentId, TPP)).toMatchObject({
        status: 'SUCCESS',
        data: { revocationStatusName: 'Revoked' },
      });
    });
  });

  it('maps accelerator errors to the UAE format, "not found" to 400 Consent.Invalid', async () => {
    const answer = await simulator.mapError(404, 'Consent not found', 'consent_retrieve');
    expect(checkedBody(answer)).toMatchObject({
      status: 'SUCCESS',
      errorCode: 400,
      data: { Errors: [{ Code: 'Consent.Invalid', Message: 'Consent not found' }] },
    });
    expect(error400Body(at(answer.body, 'data'))).toBeUndefined();
    expect(checkedBody(await simulator.mapError('500', 'boom', 'consent_create'))).toMatchObject({
      errorCode: 500,
      data: { Errors: [{ Code: 'GenericError' }] },
    });
    expect(checkedBody(await simulator.mapError(400, 'bad request object', 'consent_authorize'))).toMatchObject({
      errorCode: 400,
      data: { error: 'invalid_request', error_description: 'bad request object' },
    });
  });

  it('issues a refresh token only while the consent is valid', async () => {
    const now = Math.floor(Date.now() / 1000);
    const issue = (consentValidityPeriod: number) =>
      callChecked(simulator.client, 'issue-refresh-token', {
        grantType: 'authorization_code',
        consentCreatedTime: now,
        consentValidityPeriod,
      });
    const valid = await issue(now + 3600);
    expect(valid.data).toMatchObject({ issueRefreshToken: true });
    // The service reads its own clock: a second may have passed since `now`.
    expect(Number(valid.data['refreshTokenValidityPeriod'])).toBeGreaterThanOrEqual(3598);
    expect(Number(valid.data['refreshTokenValidityPeriod'])).toBeLessThanOrEqual(3600);
    expect((await issue(now - 1)).data).toEqual({ issueRefreshToken: false });
  });
});
