import { randomUUID } from 'node:crypto';
import type { IdentityServerSimulator, SimulatedExchange } from '../simulator/identity-server.js';
import { arrayAt, isJsonRecord, recordAt, valueAtPath, type JsonRecord } from '../simulator/json-values.js';
import { buildRequestObjectClaims } from '../simulator/request-object.js';
import { expectAnswer, expectThat, expectValue, required } from './step-checks.js';
import type { Journey } from './journey.js';
import { defineJourney } from './journey-runner.js';
import { UK_FILE_PAYMENT_STEPS } from './uk-journey-file-payment.js';
import { UK_INTERNATIONAL_STEPS } from './uk-journey-international.js';
import { UK_MULTI_AUTHORISATION_STEPS } from './uk-journey-multi-authorisation.js';
import { UK_REAUTHENTICATION_STEPS } from './uk-journey-reauthentication.js';
import {
  access,
  approve,
  checked,
  createUkConsent,
  displayNameOf,
  expectRefused,
  offeredAccounts,
  populate,
  signedPaymentCreation,
  ukErrorCode,
  type UkConsent,
  type UkJourneyState,
  type UkJourneyStep as Step,
} from './uk-journey-calls.js';
import {
  signDetached,
  UK_ACCOUNTS_API,
  UK_CURRENT_ACCOUNT,
  UK_FUNDS_API,
  UK_JOURNEY_CLIENT_ID,
  UK_JOURNEY_USER,
  UK_OTHER_CLIENT_ID,
  UK_OTHER_CURRENT_ACCOUNT,
  UK_PAYMENTS_API,
  UK_SAVINGS_ACCOUNT,
  ukAccountAccessConsentBody,
  ukDomesticPaymentConsentBody,
  ukDomesticPaymentFrom,
  ukDomesticPaymentInitiation,
  ukDomesticPaymentSubmission,
  ukFundsConfirmationConsentBody,
  ukFundsConfirmationRequest,
  ukVrpConsentBody,
  ukVrpPayment,
} from './uk-journey-fixtures.js';

/*
 * The `uk` specification end to end, as the identity server drives it: account access (approve, deny, access allowed
 * and refused by permission and by account, expiry, revocation), a signed domestic payment up to the submission check
 * and its funds confirmation, a funds-confirmation consent, a VRP consent driven to its daily limit with concurrent
 * payments, then (in their own files) international scheduled and standing-order payments, a file payment, a payment
 * with two authorisers and a re-authentication. Payment steps
 * sign with the demo TPP key of uk-journey-fixtures.ts. The first payment step learns whether the service checks
 * x-jws-signature itself (UK_SIGNATURE_VERIFICATION=on, trusting that key through UK_JWS_TRUST_FILE, where the TPP's raw
 * body reaches it) or leaves it to the gateway (off, the default), and expects the answers of that mode.
 */

const STEP = {
  createAccounts: 'create an account-access consent',
  retrieveAccounts: 'retrieve it as its TPP',
  retrieveByOther: 'refuse it to another TPP (403)',
  populateAccounts: 'populate the screen in plain language',
  persistAccounts: 'persist the approval of one account',
  allowAccount: 'allow the consented account',
  refuseAccount: 'refuse another account (403)',
  refusePermission: 'refuse balances, not granted (403)',
  refreshToken: 'issue a refresh token',
  revokeAccounts: 'TPP DELETE',
  retrieveDeleted: 'a deleted consent is not found (400)',
  createExpiring: 'create a consent expiring in seconds',
  approveExpiring: 'approve it',
  expiredAccess: 'refuse access once expired',
  expiredRefresh: 'refuse a refresh token once expired',
  createDenied: 'create a consent to deny',
  persistDenied: 'persist the denial',
  unsignedPayment: 'an unsigned payment consent: refused when the service verifies signatures',
  tamperedPayment: 'a payment consent changed after signing: refused when the service verifies signatures',
  createPayment: 'create a signed domestic payment consent',
  populatePayment: 'populate the payment screen',
  persistPayment: 'persist with one payable account',
  refuseMismatch: 'refuse a submission whose Initiation differs',
  allowSubmission: 'allow the matching submission',
  refuseSecondOrder: 'refuse a second payment order',
  fundsAvailable: "confirm funds on the payment consent from the bank's balance",
  fundsUnavailable: 'answer no funds for a payment above the balance',
  createFunds: 'create a funds-confirmation consent',
  populateFunds: 'populate the funds-confirmation screen',
  persistFunds: 'persist the funds-confirmation consent',
  allowFundsCheck: 'allow a funds confirmation',
  refuseDuplicateReference: 'refuse a duplicate Reference',
  createVrp: 'create a signed VRP consent',
  populateVrp: 'populate the VRP screen',
  persistVrp: 'persist the VRP consent',
  refuseOverMaximum: 'refuse a payment over MaximumIndividualAmount',
  concurrentVrp: 'concurrent payments stop at the daily limit',
  vrpUpToLimit: 'a payment up to the limit passes, the next is refused',
  authorizationRequest: 'validate the authorization request',
  errorMapping: 'map an accelerator error to a UK error',
} as const;

const accountSteps: readonly Step[] = [
  {
    name: STEP.createAccounts,
    async run(simulator, state) {
      state.accounts = await createUkConsent(simulator, 'account-access-consents', ukAccountAccessConsentBody());
      return `consent ${state.accounts.consentId} AwaitingAuthorisation`;
    },
  },
  {
    name: STEP.retrieveAccounts,
    dependsOn: [STEP.createAccounts],
    async run(simulator, state) {
      const consent = required(state.accounts, 'the consent');
      const data = expectAnswer(
        await simulator.retrieveConsent(consent.consentId, `${consent.path}/${consent.consentId}`),
      );
      expectValue(
        'modifiedResponse.Data.Status',
        'AwaitingAuthorisation',
        valueAtPath(data, ['modifiedResponse', 'Data', 'Status']),
      );
      expectValue('modifiedResponse.Meta', { TotalPages: 1 }, valueAtPath(data, ['modifiedResponse', 'Meta']));
      return 'UK consent response';
    },
  },
  {
    name: STEP.retrieveByOther,
    dependsOn: [STEP.createAccounts],
    async run(simulator, state) {
      const consent = required(state.accounts, 'the consent');
      const answer = await simulator.client.call('pre-process-consent-retrieval', {
        consentId: consent.consentId,
        consentResourcePath: `${consent.path}/${consent.consentId}`,
        requestHeaders: { 'x-wso2-client-id': UK_OTHER_CLIENT_ID },
        consentResource: simulator.store.basicView(consent.consentId, { withAttributes: true }),
      });
      expectValue(
        'Errors[0].ErrorCode',
        'UK.OBIE.Resource.NotFound',
        ukErrorCode(
          expectAnswer(checked(answer, 'pre-process-consent-retrieval'), { status: 'ERROR', errorCode: 403 }),
        ),
      );
      return '403';
    },
  },
  {
    name: STEP.populateAccounts,
    dependsOn: [STEP.createAccounts],
    async run(simulator, state) {
      const data = await populate(simulator, required(state.accounts, 'the consent'), 'openid accounts');
      const permission = arrayAt(recordAt(data, 'consentData'), 'permissions')?.[0];
      const lines = isJsonRecord(permission) ? permission.displayValues : undefined;
      expectThat(
        Array.isArray(lines) && lines.length === 5 && !lines.some((line) => String(line).startsWith('Read')),
        'five plain-language permission lines',
        () => JSON.stringify(lines),
      );
      displayNameOf(data, UK_SAVINGS_ACCOUNT);
      return `${offeredAccounts(data).length} accounts offered`;
    },
  },
  {
    name: STEP.persistAccounts,
    dependsOn: [STEP.populateAccounts],
    run: (simulator, state) => approve(simulator, required(state.accounts, 'the consent'), UK_SAVINGS_ACCOUNT),
  },
  {
    name: STEP.allowAccount,
    dependsOn: [STEP.persistAccounts],
    async run(simulator, state) {
      const resource = `${UK_ACCOUNTS_API}/accounts/${UK_SAVINGS_ACCOUNT}/transactions?fromBookingDateTime=2026-01-01T00:00:00`;
      expectAnswer(
        await access(
          simulator,
          required(state.accounts, 'the consent'),
          '/accounts/{AccountId}/transactions',
          resource,
          'GET',
        ),
      );
      return `GET ${resource} allowed`;
    },
  },
  {
    name: STEP.refuseAccount,
    dependsOn: [STEP.persistAccounts],
    async run(simulator, state) {
      const exchange = await access(
        simulator,
        required(state.accounts, 'the consent'),
        '/accounts/{AccountId}',
        `${UK_ACCOUNTS_API}/accounts/${UK_CURRENT_ACCOUNT}`,
        'GET',
      );
      return expectRefused(exchange, 403, 'UK.OBIE.Resource.ConsentMismatch');
    },
  },
  {
    name: STEP.refusePermission,
    dependsOn: [STEP.persistAccounts],
    async run(simulator, state) {
      const exchange = await access(
        simulator,
        required(state.accounts, 'the consent'),
        '/accounts/{AccountId}/balances',
        `${UK_ACCOUNTS_API}/accounts/${UK_SAVINGS_ACCOUNT}/balances`,
        'GET',
      );
      return expectRefused(exchange, 403, 'UK.OBIE.Resource.ConsentMismatch');
    },
  },
  {
    name: STEP.refreshToken,
    dependsOn: [STEP.persistAccounts],
    async run(simulator, state) {
      const data = expectAnswer(await simulator.issueRefreshToken(required(state.accounts, 'the consent').consentId));
      expectValue('issueRefreshToken', true, valueAtPath(data, ['issueRefreshToken']));
      return 'issued';
    },
  },
  {
    name: STEP.revokeAccounts,
    dependsOn: [STEP.persistAccounts],
    async run(simulator, state) {
      const consent = required(state.accounts, 'the consent');
      const data = expectAnswer(await simulator.revoke(consent.consentId, `${consent.path}/${consent.consentId}`));
      expectValue(
        'requireTokenRevocation (the consent was Authorised)',
        true,
        valueAtPath(data, ['requireTokenRevocation']),
      );
      expectValue('stored status', 'Deleted', simulator.store.get(consent.consentId).status);
      return 'Deleted, tokens revoked';
    },
  },
  {
    name: STEP.retrieveDeleted,
    dependsOn: [STEP.revokeAccounts],
    async run(simulator, state) {
      const consent = required(state.accounts, 'the consent');
      const data = expectAnswer(
        await simulator.retrieveConsent(consent.consentId, `${consent.path}/${consent.consentId}`),
        { status: 'ERROR', errorCode: 400 },
      );
      expectValue('Errors[0].ErrorCode', 'UK.OBIE.Resource.NotFound', ukErrorCode(data));
      const exchange = await access(simulator, consent, '/accounts', `${UK_ACCOUNTS_API}/accounts`, 'GET');
      return `${expectRefused(exchange, 400, 'UK.OBIE.Resource.InvalidConsentStatus')} for data access too`;
    },
  },
];

const EXPIRY_MS = 3000;

const expirySteps: readonly Step[] = [
  {
    name: STEP.createExpiring,
    async run(simulator, state) {
      const now = Date.now();
      const consent = await createUkConsent(
        simulator,
        'account-access-consents',
        ukAccountAccessConsentBody(now, EXPIRY_MS),
      );
      state.expiring = { ...consent, expiresAt: now + EXPIRY_MS };
      return `expires in ${EXPIRY_MS / 1000} s`;
    },
  },
  {
    name: STEP.approveExpiring,
    dependsOn: [STEP.createExpiring],
    async run(simulator, state) {
      const consent = required(state.expiring, 'the expiring consent');
      await populate(simulator, consent, 'openid accounts');
      return approve(simulator, consent, UK_SAVINGS_ACCOUNT);
    },
  },
  {
    name: STEP.expiredAccess,
    dependsOn: [STEP.approveExpiring],
    async run(simulator, state) {
      const consent = required(state.expiring, 'the expiring consent');
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, consent.expiresAt - Date.now() + 1100)));
      return expectRefused(
        await access(simulator, consent, '/accounts', `${UK_ACCOUNTS_API}/accounts`, 'GET'),
        400,
        'UK.OBIE.Resource.InvalidConsentStatus',
      );
    },
  },
  {
    name: STEP.expiredRefresh,
    dependsOn: [STEP.expiredAccess],
    async run(simulator, state) {
      const data = expectAnswer(
        await simulator.issueRefreshToken(required(state.expiring, 'the expiring consent').consentId),
        { status: 'ERROR', errorCode: 400 },
      );
      expectValue('errorMessage', 'invalid_grant', valueAtPath(data, ['errorMessage']));
      return 'invalid_grant';
    },
  },
  {
    name: STEP.createDenied,
    async run(simulator, state) {
      state.denied = await createUkConsent(simulator, 'account-access-consents', ukAccountAccessConsentBody());
      await populate(simulator, state.denied, 'openid accounts');
      return `consent ${state.denied.consentId}`;
    },
  },
  {
    name: STEP.persistDenied,
    dependsOn: [STEP.createDenied],
    async run(simulator, state) {
      const consent = required(state.denied, 'the consent to deny');
      const exchange = await simulator.persist(
        consent.consentId,
        UK_JOURNEY_USER,
        required(consent.populateData, 'the populate answer'),
        {},
        false,
      );
      expectValue(
        'consentResource.status',
        'Rejected',
        valueAtPath(expectAnswer(exchange), ['consentResource', 'status']),
      );
      expectValue('stored status', 'Rejected', simulator.store.get(consent.consentId).status);
      return 'Rejected';
    },
  },
];

const PAYMENT_PATH = 'domestic-payment-consents';

const paymentSteps: readonly Step[] = [
  {
    name: STEP.unsignedPayment,
    async run(simulator, state) {
      const answer = await simulator.client.call('pre-process-consent-creation', {
        consentInitiationData: ukDomesticPaymentConsentBody(),
        consentResourcePath: PAYMENT_PATH,
        requestHeaders: { 'x-wso2-client-id': UK_JOURNEY_CLIENT_ID, 'x-idempotency-key': randomUUID() },
      });
      const checkedAnswer = checked(answer, 'pre-process-consent-creation');
      state.verifiesSignatures = isJsonRecord(answer.body) && answer.body.status === 'ERROR';
      if (!state.verifiesSignatures) {
        expectAnswer(checkedAnswer);
        return 'accepted: the service leaves x-jws-signature to the gateway (UK_SIGNATURE_VERIFICATION off)';
      }
      const data = expectAnswer(checkedAnswer, { status: 'ERROR', errorCode: 400 });
      expectValue('Errors[0].ErrorCode', 'UK.OBIE.Signature.Missing', ukErrorCode(data));
      return '400 UK.OBIE.Signature.Missing (UK_SIGNATURE_VERIFICATION on)';
    },
  },
  {
    name: STEP.tamperedPayment,
    dependsOn: [STEP.unsignedPayment],
    async run(simulator, state) {
      const body = ukDomesticPaymentConsentBody();
      const signature = await signDetached(body);
      const tampered = { ...body, Data: { ...(body.Data as JsonRecord), ReadRefundAccount: 'No' } };
      const answer = await simulator.client.call('pre-process-consent-creation', {
        consentInitiationData: tampered,
        consentResourcePath: PAYMENT_PATH,
        requestHeaders: {
          'x-wso2-client-id': UK_JOURNEY_CLIENT_ID,
          'x-idempotency-key': randomUUID(),
          'x-jws-signature': signature,
        },
      });
      if (state.verifiesSignatures !== true) {
        expectAnswer(checked(answer, 'pre-process-consent-creation'));
        return 'accepted: only the gateway sees the bytes the TPP signed';
      }
      const data = expectAnswer(checked(answer, 'pre-process-consent-creation'), { status: 'ERROR', errorCode: 400 });
      expectValue('Errors[0].ErrorCode', 'UK.OBIE.Signature.Invalid', ukErrorCode(data));
      return '400 UK.OBIE.Signature.Invalid';
    },
  },
  {
    name: STEP.createPayment,
    async run(simulator, state) {
      state.payment = await signedPaymentCreation(simulator, PAYMENT_PATH, ukDomesticPaymentConsentBody());
      expectValue('validityTime of a payment consent', 0, simulator.store.get(state.payment.consentId).validityTime);
      return `consent ${state.payment.consentId}`;
    },
  },
  {
    name: STEP.populatePayment,
    dependsOn: [STEP.createPayment],
    async run(simulator, state) {
      const data = await populate(simulator, required(state.payment, 'the payment consent'), 'openid payments');
      expectValue('allowMultipleAccounts', false, valueAtPath(data, ['consentData', 'allowMultipleAccounts']));
      expectValue('Amount box', ['165.88 GBP'], valueAtPath(data, ['consentData', 'basicConsentData', 'Amount']));
      const offered = offeredAccounts(data).map((account) => account.accountId);
      expectThat(
        !offered.includes(UK_SAVINGS_ACCOUNT) && offered.includes(UK_CURRENT_ACCOUNT),
        'only payable accounts',
        () => JSON.stringify(offered),
      );
      return `${offered.length} payable accounts offered`;
    },
  },
  {
    name: STEP.persistPayment,
    dependsOn: [STEP.populatePayment],
    run: (simulator, state) => approve(simulator, required(state.payment, 'the payment consent'), UK_CURRENT_ACCOUNT),
  },
  {
    name: STEP.refuseMismatch,
    dependsOn: [STEP.persistPayment],
    async run(simulator, state) {
      const consent = required(state.payment, 'the payment consent');
      const body = ukDomesticPaymentSubmission(consent.consentId, {
        ...ukDomesticPaymentInitiation(),
        InstructedAmount: { Amount: '999.99', Currency: 'GBP' },
      });
      const exchange = await access(
        simulator,
        consent,
        '/domestic-payments',
        `${UK_PAYMENTS_API}/domestic-payments`,
        'POST',
        body,
        { 'x-idempotency-key': randomUUID() },
      );
      return expectRefused(exchange, 400, 'UK.OBIE.Resource.ConsentMismatch');
    },
  },
  {
    name: STEP.allowSubmission,
    dependsOn: [STEP.persistPayment],
    async run(simulator, state) {
      const consent = required(state.payment, 'the payment consent');
      const body = ukDomesticPaymentSubmission(consent.consentId);
      const headers = { 'x-idempotency-key': 'order-1' };
      expectAnswer(
        await access(
          simulator,
          consent,
          '/domestic-payments',
          `${UK_PAYMENTS_API}/domestic-payments`,
          'POST',
          body,
          headers,
        ),
      );
      expectAnswer(
        await access(
          simulator,
          consent,
          '/domestic-payments',
          `${UK_PAYMENTS_API}/domestic-payments`,
          'POST',
          body,
          headers,
        ),
      );
      return 'allowed, and allowed again for a retry with the same x-idempotency-key';
    },
  },
  {
    name: STEP.refuseSecondOrder,
    dependsOn: [STEP.allowSubmission],
    async run(simulator, state) {
      const consent = required(state.payment, 'the payment consent');
      const exchange = await access(
        simulator,
        consent,
        '/domestic-payments',
        `${UK_PAYMENTS_API}/domestic-payments`,
        'POST',
        ukDomesticPaymentSubmission(consent.consentId),
        { 'x-idempotency-key': 'order-2' },
      );
      return expectRefused(exchange, 400, 'UK.OBIE.Resource.InvalidConsentStatus');
    },
  },
];

/** `GET /domestic-payment-consents/{ConsentId}/funds-confirmation`: FundsAvailableResult.FundsAvailable. */
async function fundsAvailable(simulator: IdentityServerSimulator, consent: UkConsent): Promise<unknown> {
  const data = expectAnswer(
    await simulator.retrieveConsent(consent.consentId, `${consent.path}/${consent.consentId}/funds-confirmation`),
  );
  return valueAtPath(data, ['modifiedResponse', 'Data', 'FundsAvailableResult', 'FundsAvailable']);
}

const paymentFundsSteps: readonly Step[] = [
  {
    name: STEP.fundsAvailable,
    dependsOn: [STEP.persistPayment],
    async run(simulator, state) {
      expectValue(
        'FundsAvailable (165.88 GBP, 2,500.00 on the account)',
        true,
        await fundsAvailable(simulator, required(state.payment, 'the payment consent')),
      );
      return 'FundsAvailable true';
    },
  },
  {
    name: STEP.fundsUnavailable,
    async run(simulator) {
      const consent = await signedPaymentCreation(
        simulator,
        PAYMENT_PATH,
        ukDomesticPaymentFrom(UK_CURRENT_ACCOUNT, '5000.00'),
      );
      await populate(simulator, consent, 'openid payments');
      await approve(simulator, consent, UK_CURRENT_ACCOUNT);
      expectValue('FundsAvailable (5,000.00 GBP)', false, await fundsAvailable(simulator, consent));
      return 'FundsAvailable false';
    },
  },
];

const fundsSteps: readonly Step[] = [
  {
    name: STEP.createFunds,
    async run(simulator, state) {
      state.funds = await createUkConsent(simulator, 'funds-confirmation-consents', ukFundsConfirmationConsentBody());
      return `consent ${state.funds.consentId}`;
    },
  },
  {
    name: STEP.populateFunds,
    dependsOn: [STEP.createFunds],
    async run(simulator, state) {
      const data = await populate(
        simulator,
        required(state.funds, 'the funds-confirmation consent'),
        'openid fundsconfirmations',
      );
      const initiated = arrayAt(recordAt(data, 'consentData'), 'initiatedAccountsForConsent') ?? [];
      expectValue(
        'the named debtor account, only',
        [UK_CURRENT_ACCOUNT],
        initiated.map((account) => (isJsonRecord(account) ? account.accountId : undefined)),
      );
      return 'debtor account pre-selected';
    },
  },
  {
    name: STEP.persistFunds,
    dependsOn: [STEP.populateFunds],
    run: (simulator, state) =>
      approve(simulator, required(state.funds, 'the funds-confirmation consent'), UK_CURRENT_ACCOUNT),
  },
  {
    name: STEP.allowFundsCheck,
    dependsOn: [STEP.persistFunds],
    async run(simulator, state) {
      const consent = required(state.funds, 'the funds-confirmation consent');
      expectAnswer(
        await access(
          simulator,
          consent,
          '/funds-confirmations',
          `${UK_FUNDS_API}/funds-confirmations`,
          'POST',
          ukFundsConfirmationRequest(consent.consentId, 'PURCHASE-1'),
        ),
      );
      return 'POST /funds-confirmations allowed';
    },
  },
  {
    name: STEP.refuseDuplicateReference,
    dependsOn: [STEP.allowFundsCheck],
    async run(simulator, state) {
      const consent = required(state.funds, 'the funds-confirmation consent');
      const exchange = await access(
        simulator,
        consent,
        '/funds-confirmations',
        `${UK_FUNDS_API}/funds-confirmations`,
        'POST',
        ukFundsConfirmationRequest(consent.consentId, 'PURCHASE-1'),
      );
      return expectRefused(exchange, 400, 'UK.OBIE.Rules.DuplicateReference');
    },
  },
];

function vrpPayment(
  simulator: IdentityServerSimulator,
  consent: UkConsent,
  amount: string,
): Promise<SimulatedExchange> {
  const id = `VRP-${randomUUID().slice(0, 8)}`;
  return access(
    simulator,
    consent,
    '/domestic-vrps',
    `${UK_PAYMENTS_API}/domestic-vrps`,
    'POST',
    ukVrpPayment(consent.consentId, amount, id),
    { 'x-idempotency-key': randomUUID() },
  );
}

const CONCURRENT_PAYMENTS = 5;

const vrpSteps: readonly Step[] = [
  {
    name: STEP.createVrp,
    async run(simulator, state) {
      state.vrp = await signedPaymentCreation(simulator, 'domestic-vrp-consents', ukVrpConsentBody());
      return `consent ${state.vrp.consentId}`;
    },
  },
  {
    name: STEP.populateVrp,
    dependsOn: [STEP.createVrp],
    async run(simulator, state) {
      const data = await populate(simulator, required(state.vrp, 'the VRP consent'), 'openid payments');
      expectValue(
        'Limits box',
        ['250.00 GBP per day (calendar)'],
        valueAtPath(data, ['consentData', 'basicConsentData', 'Limits']),
      );
      return 'limits shown';
    },
  },
  {
    name: STEP.persistVrp,
    dependsOn: [STEP.populateVrp],
    run: (simulator, state) => approve(simulator, required(state.vrp, 'the VRP consent'), UK_OTHER_CURRENT_ACCOUNT),
  },
  {
    name: STEP.refuseOverMaximum,
    dependsOn: [STEP.persistVrp],
    async run(simulator, state) {
      return expectRefused(
        await vrpPayment(simulator, required(state.vrp, 'the VRP consent'), '100.01'),
        400,
        'UK.OBIE.Rules.FailsControlParameters',
      );
    },
  },
  {
    name: STEP.concurrentVrp,
    dependsOn: [STEP.persistVrp],
    async run(simulator, state) {
      const consent = required(state.vrp, 'the VRP consent');
      const exchanges = await Promise.all(
        Array.from({ length: CONCURRENT_PAYMENTS }, () => vrpPayment(simulator, consent, '100.00')),
      );
      const accepted = exchanges.filter(
        (exchange) => isJsonRecord(exchange.body) && exchange.body.status === 'SUCCESS',
      );
      expectValue('payments of 100.00 accepted under a 250.00 daily limit', 2, accepted.length);
      for (const refused of exchanges.filter((exchange) => !accepted.includes(exchange))) {
        expectRefused(refused, 400, 'UK.OBIE.Rules.FailsControlParameters');
      }
      return `${CONCURRENT_PAYMENTS} concurrent payments: 2 accepted, ${CONCURRENT_PAYMENTS - 2} refused`;
    },
  },
  {
    name: STEP.vrpUpToLimit,
    dependsOn: [STEP.concurrentVrp],
    async run(simulator, state) {
      const consent = required(state.vrp, 'the VRP consent');
      expectAnswer(await vrpPayment(simulator, consent, '50.00'));
      return `50.00 accepted (250.00 used), then 0.01 ${expectRefused(await vrpPayment(simulator, consent, '0.01'), 400, 'UK.OBIE.Rules.FailsControlParameters')}`;
    },
  },
];

const otherSteps: readonly Step[] = [
  {
    name: STEP.authorizationRequest,
    dependsOn: [STEP.createAccounts],
    async run(simulator, state) {
      const consentId = required(state.accounts, 'the consent').consentId;
      expectAnswer(
        await simulator.validateAuthorizationRequest(
          buildRequestObjectClaims({ clientId: UK_JOURNEY_CLIENT_ID, consentId }),
        ),
      );
      const noIntent = await simulator.validateAuthorizationRequest(
        buildRequestObjectClaims({ clientId: UK_JOURNEY_CLIENT_ID }),
      );
      expectAnswer(noIntent, { status: 'ERROR', errorCode: 400 });
      return 'accepted with openbanking_intent_id, refused without';
    },
  },
  {
    name: STEP.errorMapping,
    async run(simulator) {
      const exchange = await simulator.mapError(400, 'Consent not found', 'consent_retrieve');
      const data = expectAnswer(exchange);
      expectValue('errorCode', 400, valueAtPath(exchange.body, ['errorCode']));
      expectValue('Errors[0].ErrorCode', 'UK.OBIE.Resource.NotFound', ukErrorCode(data));
      return exchange.reaction.description;
    },
  },
];

export const UK_JOURNEY: Journey = defineJourney<UkJourneyState>({
  name: 'uk',
  description:
    'UK Open Banking v3.1.11: account access (approve, deny, access by permission and account, expiry, deletion, re-authentication), a signed domestic payment with funds confirmation from the bank balance, international scheduled and standing-order payments, a file payment (upload, summary, download), a payment with two authorisers, funds confirmation, and a VRP consent driven to its daily limit with concurrent payments.',
  createState: () => ({}),
  steps: [
    ...accountSteps,
    ...expirySteps,
    ...paymentSteps,
    ...paymentFundsSteps,
    ...fundsSteps,
    ...vrpSteps,
    ...UK_INTERNATIONAL_STEPS,
    ...UK_FILE_PAYMENT_STEPS,
    ...UK_MULTI_AUTHORISATION_STEPS,
    ...UK_REAUTHENTICATION_STEPS,
    ...otherSteps,
  ],
});
