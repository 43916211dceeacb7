import { randomUUID } from 'node:crypto';
import { buildAuthorizedResources, type JsonRecord } from '@app/testing';
import { startTestServer, type RunningTestServer } from '../support/test-server.js';
// The @app/testing barrel does not export the uae journey fixtures yet (the lead adds them with the journey).
import {
  uaeDataSharingItem,
  uaeDomesticPii,
  uaeEncryptedPii,
  uaeSingleInstantPaymentItem,
  uaeRequestObjectClaims,
  uaeToday,
  uaeVariableMultiPaymentItem,
} from '@app/testing';
import { append, at, callChecked, mutated, remove, set, type Mutation } from './support/uae-calls.js';
import { uaeSimulator } from './support/uae-simulator.js';
import { uaeRootModule } from './support/uae-test-specs.js';

/*
 * validate-authorization-request: the request object of a UAE PAR (spec-rules §C.1) and every invalid case of §C.8
 * that reaches the extension. PAR failures are `invalid_request`; the description starts with the UAE code.
 */
describe('uae validate-authorization-request', () => {
  let server: RunningTestServer;
  beforeAll(async () => {
    server = await startTestServer({ rootModule: uaeRootModule() });
  });
  afterAll(async () => {
    await server.close();
  });

  const validate = (requestObject: JsonRecord) =>
    callChecked(uaeSimulator(server).client, 'validate-authorization-request', { requestObject });

  async function expectRefused(requestObject: JsonRecord, description: RegExp): Promise<void> {
    const answer = await validate(requestObject);
    expect(answer).toMatchObject({
      httpStatus: 200,
      status: 'ERROR',
      errorCode: 400,
      data: { errorMessage: 'invalid_request' },
    });
    expect(answer.data.errorDescription).toMatch(description);
  }

  it('accepts the valid request of spec-rules §C.7', async () => {
    expect(await validate(uaeRequestObjectClaims(uaeDataSharingItem()))).toMatchObject({ status: 'SUCCESS', data: {} });
  });

  it('accepts a valid single instant payment with an encrypted PII', async () => {
    expect(await validate(uaeRequestObjectClaims(uaeSingleInstantPaymentItem()))).toMatchObject({ status: 'SUCCESS' });
  });

  describe('the data sharing cases of §C.8', () => {
    const now = Date.now();
    const iso = (millis: number) => `${new Date(millis).toISOString().slice(0, 19)}+00:00`;
    it.each<[string, Mutation, RegExp]>([
      ['AE-01 ConsentId missing', remove('consent.ConsentId'), /^Body\.InvalidFormat: .*ConsentId is missing/],
      [
        'AE-02 ConsentId not a uuid',
        set('consent.ConsentId', 'abc'),
        /^Body\.InvalidFormat: .*ConsentId.*\(authorization_details\[0\]\.consent\.ConsentId\)/,
      ],
      [
        'AE-04 Permissions empty',
        set('consent.Permissions', []),
        /^Body\.InvalidFormat: .*Permissions.*(fewer than 1|minItems|at least 1)/i,
      ],
      [
        'AE-05 ReadBalances alone',
        set('consent.Permissions', ['ReadBalances']),
        /^Consent\.BusinessRuleViolation: ReadBalances requires ReadAccountsBasic or ReadAccountsDetail/,
      ],
      [
        'AE-06 a UK-only permission',
        set('consent.Permissions', ['ReadAccountsBasic', 'ReadPAN']),
        /^Body\.InvalidFormat: .*Permissions\[1\] must be one of/,
      ],
      [
        'AE-07 ExpirationDateTime missing',
        remove('consent.ExpirationDateTime'),
        /^Body\.InvalidFormat: .*ExpirationDateTime is missing/,
      ],
      [
        'AE-08 ExpirationDateTime in the past',
        set('consent.ExpirationDateTime', iso(now - 60_000)),
        /^Consent\.BusinessRuleViolation: ExpirationDateTime must be in the future/,
      ],
      [
        'AE-09 ExpirationDateTime in 366 days',
        set('consent.ExpirationDateTime', iso(now + 366 * 86_400_000)),
        /^Consent\.BusinessRuleViolation: ExpirationDateTime must be less than one year/,
      ],
      [
        'AE-10 OpenFinanceBilling missing',
        remove('consent.OpenFinanceBilling'),
        /^Body\.InvalidFormat: .*OpenFinanceBilling is missing/,
      ],
      [
        'AE-10 Purpose missing',
        remove('consent.OpenFinanceBilling.Purpose'),
        /^Body\.InvalidFormat: .*OpenFinanceBilling\.Purpose is missing/,
      ],
      [
        'AE-11 Purpose Marketing',
        set('consent.OpenFinanceBilling.Purpose', 'Marketing'),
        /^Body\.InvalidFormat: .*Purpose must be one of/,
      ],
      [
        'AE-12 AccountSubType Pension',
        set('consent.AccountSubType', ['Pension']),
        /^Body\.InvalidFormat: .*AccountSubType\[0\] must be one of/,
      ],
      [
        'AE-13 an extra consent field',
        set('consent.Foo', 1),
        /^Body\.InvalidFormat: .*consent\.Foo is not allowed here/,
      ],
      [
        'AE-14 type v9',
        set('type', 'urn:openfinanceuae:account-access-consent:v9'),
        /^Body\.InvalidFormat: authorization_details\[0\]\.type must be one of/,
      ],
      [
        'AE-15 FromDate as a date-time',
        set('consent.FromDate', '2029-01-01T00:00:00Z'),
        /^Body\.InvalidFormat: .*FromDate must match format "date"/,
      ],
      [
        'AE-16 FromDate after ToDate',
        set('consent.FromDate', '2030-01-01'),
        /^Consent\.BusinessRuleViolation: FromDate must not be after ToDate/,
      ],
      [
        'AE-17 OnBehalfOf.IdentifierType LEI',
        set('consent.OnBehalfOf', { IdentifierType: 'LEI' }),
        /^Body\.InvalidFormat: .*IdentifierType must be one of Other/,
      ],
      ['an undocumented item field', set('extra', true), /^Body\.InvalidFormat: .*extra is not allowed here/],
      [
        'a plain http webhook',
        set('subscription.Webhook.Url', 'http://tpp.example.com/hook'),
        /^Consent\.BusinessRuleViolation: subscription\.Webhook\.Url must be an HTTPS URL/,
      ],
      [
        'a webhook without IsActive',
        remove('subscription.Webhook.IsActive'),
        /^Body\.InvalidFormat: .*Webhook\.IsActive is missing/,
      ],
      [
        'a Permissions string',
        set('consent.Permissions', 'ReadAccountsBasic'),
        /^Body\.InvalidFormat: .*Permissions must be array/,
      ],
      ['a huge ConsentId', set('consent.ConsentId', 'a'.repeat(100_000)), /^Body\.InvalidFormat: .*ConsentId/],
    ])('%s', async (_label, mutate, description) => {
      await expectRefused(uaeRequestObjectClaims(mutated(uaeDataSharingItem(), mutate)), description);
    });
  });

  describe('the payment cases of §C.8', () => {
    const now = Date.now();
    const iso = (millis: number) => `${new Date(millis).toISOString().slice(0, 19)}+00:00`;
    it.each<[string, Mutation, RegExp]>([
      [
        'AE-19 an amount without decimals',
        set('consent.ControlParameters.ConsentSchedule.SinglePayment.Amount.Amount', '100'),
        /^Body\.InvalidFormat: .*Amount\.Amount must match pattern/,
      ],
      [
        'AE-20 a single instant payment in USD',
        set('consent.ControlParameters.ConsentSchedule.SinglePayment.Amount.Currency', 'USD'),
        /^Consent\.BusinessRuleViolation: A domestic payment must be in AED, not USD/,
      ],
      [
        'AE-21 AuthorizationExpirationDateTime after ExpirationDateTime',
        set('consent.AuthorizationExpirationDateTime', iso(now + 40 * 86_400_000)),
        /^Consent\.BusinessRuleViolation: AuthorizationExpirationDateTime must not be after ExpirationDateTime/,
      ],
      [
        'AuthorizationExpirationDateTime in the past',
        set('consent.AuthorizationExpirationDateTime', iso(now - 60_000)),
        /^Consent\.BusinessRuleViolation: AuthorizationExpirationDateTime must be in the future/,
      ],
      [
        'AE-22 PaymentPurposeCode AB',
        set('consent.PaymentPurposeCode', 'AB'),
        /^Body\.InvalidFormat: .*PaymentPurposeCode must match pattern/,
      ],
      [
        'PersonalIdentifiableInformation missing',
        remove('consent.PersonalIdentifiableInformation'),
        /^Body\.InvalidFormat: .*PersonalIdentifiableInformation is missing/,
      ],
      [
        'ControlParameters missing',
        remove('consent.ControlParameters'),
        /^Body\.InvalidFormat: .*ControlParameters is missing/,
      ],
      [
        'PaymentPurposeCode missing',
        remove('consent.PaymentPurposeCode'),
        /^Body\.InvalidFormat: .*PaymentPurposeCode is missing/,
      ],
      [
        'no schedule',
        set('consent.ControlParameters.ConsentSchedule', {}),
        /^Consent\.BusinessRuleViolation: ConsentSchedule must hold a SinglePayment or a MultiPayment/,
      ],
      [
        'CurrencyRequest on a domestic payment',
        set('consent.CurrencyRequest', { CurrencyOfTransfer: 'USD', ExtendedPurpose: 'Tuition' }),
        /^Consent\.BusinessRuleViolation: CurrencyRequest is not allowed on a domestic payment consent/,
      ],
      [
        'ReadBalances without an accounts permission',
        set('consent.Permissions', ['ReadBalances']),
        /^Consent\.BusinessRuleViolation: ReadBalances requires ReadAccountsBasic or ReadAccountsDetail/,
      ],
      [
        'a PII without a creditor',
        set('consent.PersonalIdentifiableInformation', uaeEncryptedPii({ Initiation: {}, Risk: {} })),
        /^Consent\.BusinessRuleViolation: Initiation\.Creditor must name exactly 1 creditor for a SingleInstantPayment, not 0/,
      ],
      [
        'a zero amount',
        set('consent.ControlParameters.ConsentSchedule.SinglePayment.Amount.Amount', '0.00'),
        /^Consent\.BusinessRuleViolation: Amounts must be greater than zero/,
      ],
      [
        'a JWE PII the bank cannot decrypt',
        set('consent.PersonalIdentifiableInformation', 'eyJhbGciOiJSU0EtT0FFUC0yNTYiLCJlbmMiOiJBMjU2R0NNIn0.a.b.c.d'),
        /^JWE\.DecryptionError: PersonalIdentifiableInformation cannot be decrypted/,
      ],
    ])('%s', async (_label, mutate, description) => {
      await expectRefused(uaeRequestObjectClaims(mutated(uaeSingleInstantPaymentItem(), mutate)), description);
    });
  });

  describe('the payment rules of the requirement pages (issue 9)', () => {
    const now = Date.now();
    const DAY = 86_400_000;
    const iso = (millis: number) => `${new Date(millis).toISOString().slice(0, 19)}+00:00`;
    const SCHEDULE = 'consent.ControlParameters.ConsentSchedule';
    const variableOnDemand = (...mutations: Mutation[]) => mutated(uaeVariableMultiPaymentItem(), ...mutations);
    /** A fixed defined schedule paying 25.00 on each date, the consent expiring on `expiry`. */
    const fixedDefined = (dates: string[], expiry: string) =>
      mutated(
        uaeSingleInstantPaymentItem(),
        set(SCHEDULE, {
          MultiPayment: {
            PeriodicSchedule: {
              Type: 'FixedDefinedSchedule',
              Schedule: dates.map((date) => ({
                PaymentExecutionDate: date,
                Amount: { Amount: '25.00', Currency: 'AED' },
              })),
            },
          },
        }),
        set('consent.ExpirationDateTime', expiry),
      );
    const single = at(uaeSingleInstantPaymentItem(), `${SCHEDULE}.SinglePayment`);

    it.each<[string, JsonRecord]>([
      [
        'a variable on-demand consent starting today, not delegated',
        variableOnDemand(
          set(`${SCHEDULE}.MultiPayment.PeriodicSchedule.PeriodStartDate`, uaeToday(now)),
          set('consent.ControlParameters.IsDelegatedAuthentication', false),
        ),
      ],
      [
        'a variable on-demand consent starting on its expiry date',
        variableOnDemand(set(`${SCHEDULE}.MultiPayment.PeriodicSchedule.PeriodStartDate`, uaeToday(now, 30))),
      ],
      [
        'a variable on-demand consent to an open beneficiary (no creditor)',
        variableOnDemand(set('consent.PersonalIdentifiableInformation', uaeEncryptedPii({ Initiation: {}, Risk: {} }))),
      ],
      [
        'a fixed defined schedule from today, expiring on its last date',
        fixedDefined([uaeToday(now), uaeToday(now, 7)], `${uaeToday(now, 7)}T23:00:00+04:00`),
      ],
      [
        'a PaymentPurposeCode of the AANI list',
        mutated(uaeSingleInstantPaymentItem(), set('consent.PaymentPurposeCode', 'TCP')),
      ],
    ])('accepts %s', async (_label, item) => {
      expect(await validate(uaeRequestObjectClaims(item))).toMatchObject({
        httpStatus: 200,
        status: 'SUCCESS',
        data: {},
      });
    });

    it.each<[string, JsonRecord, RegExp]>([
      [
        '5: a SinglePayment and a MultiPayment in one ConsentSchedule',
        variableOnDemand(set(`${SCHEDULE}.SinglePayment`, single)),
        /^Consent\.BusinessRuleViolation: SinglePayment and MultiPayment must not be combined in one ConsentSchedule \(authorization_details\[0\]\.consent\.ControlParameters\.ConsentSchedule\)$/,
      ],
      [
        '6: a PaymentPurposeCode that is not on the AANI list',
        mutated(uaeSingleInstantPaymentItem(), set('consent.PaymentPurposeCode', 'ZZZ')),
        /^Consent\.BusinessRuleViolation: PaymentPurposeCode ZZZ is not on the AANI purpose code list \(authorization_details\[0\]\.consent\.PaymentPurposeCode\)$/,
      ],
      [
        '7: a delegated variable on-demand consent',
        variableOnDemand(set('consent.ControlParameters.IsDelegatedAuthentication', true)),
        /^Consent\.BusinessRuleViolation: IsDelegatedAuthentication must be false or absent: Delegated SCA is not permitted/,
      ],
      [
        '8: a PeriodStartDate in the past',
        variableOnDemand(set(`${SCHEDULE}.MultiPayment.PeriodicSchedule.PeriodStartDate`, uaeToday(now, -1))),
        /^Consent\.BusinessRuleViolation: PeriodStartDate must not be in the past \(authorization_details\[0\]\.consent\.ControlParameters\.ConsentSchedule\.MultiPayment\.PeriodicSchedule\.PeriodStartDate\)$/,
      ],
      [
        '8: a PeriodStartDate after the expiry',
        variableOnDemand(set(`${SCHEDULE}.MultiPayment.PeriodicSchedule.PeriodStartDate`, uaeToday(now, 32))),
        /^Consent\.BusinessRuleViolation: PeriodStartDate must not be after ExpirationDateTime/,
      ],
      [
        '9: a PaymentExecutionDate twice',
        fixedDefined([uaeToday(now, 7), uaeToday(now, 7)], `${uaeToday(now, 7)}T23:00:00+04:00`),
        /^Consent\.BusinessRuleViolation: PaymentExecutionDate \S+ appears more than once in the schedule \(.*Schedule\[1\]\.PaymentExecutionDate\)$/,
      ],
      [
        '9: a PaymentExecutionDate in the past',
        fixedDefined([uaeToday(now, -1), uaeToday(now, 7)], `${uaeToday(now, 7)}T23:00:00+04:00`),
        /^Consent\.BusinessRuleViolation: PaymentExecutionDate \S+ is in the past \(.*Schedule\[0\]\.PaymentExecutionDate\)$/,
      ],
      [
        '9: an ExpirationDateTime after the last PaymentExecutionDate',
        fixedDefined([uaeToday(now), uaeToday(now, 7)], iso(now + 20 * DAY)),
        /^Consent\.BusinessRuleViolation: The date of ExpirationDateTime must be the last PaymentExecutionDate \(\S+\) \(authorization_details\[0\]\.consent\.ExpirationDateTime\)$/,
      ],
      [
        '10: a single instant payment to two creditors',
        mutated(
          uaeSingleInstantPaymentItem(),
          set(
            'consent.PersonalIdentifiableInformation',
            uaeEncryptedPii(
              mutated(uaeDomesticPii(), append('Initiation.Creditor', at(uaeDomesticPii(), 'Initiation.Creditor.0'))),
            ),
          ),
        ),
        /^Consent\.BusinessRuleViolation: Initiation\.Creditor must name exactly 1 creditor for a SingleInstantPayment, not 2/,
      ],
      [
        '11: a PII sent as a plain object',
        mutated(uaeSingleInstantPaymentItem(), set('consent.PersonalIdentifiableInformation', uaeDomesticPii())),
        /^Body\.InvalidFormat: PersonalIdentifiableInformation must be a JWE in compact serialisation, never a plain object \(authorization_details\[0\]\.consent\.PersonalIdentifiableInformation\)$/,
      ],
    ])('refuses rule %s with invalid_request', async (_label, item, description) => {
      await expectRefused(uaeRequestObjectClaims(item), description);
    });
  });

  describe('the request object against its schema and its scope (issue 9, rules 3 and 4)', () => {
    it('accepts the documented iat and jti, and a null optional claim (the identity server omits nulls)', async () => {
      const claims = mutated(
        uaeRequestObjectClaims(uaeDataSharingItem()),
        set('iat', Math.floor(Date.now() / 1000)),
        set('jti', randomUUID()),
        set('max_age', null),
      );
      expect(await validate(claims)).toMatchObject({ httpStatus: 200, status: 'SUCCESS', data: {} });
    });

    it.each<[string, Mutation, RegExp]>([
      [
        'the UK-style claims claim',
        set('claims', { id_token: { openbanking_intent_id: { value: 'x', essential: true } } }),
        /^The request object carries the undocumented claim claims: only the claims of the PAR request schema, iat and jti are allowed$/,
      ],
      [
        'an OpenID acr_values claim',
        set('acr_values', 'urn:openbanking:psd2:sca'),
        /^The request object carries the undocumented claim acr_values/,
      ],
    ])('refuses %s with invalid_request', async (_label, mutate, description) => {
      await expectRefused(mutated(uaeRequestObjectClaims(uaeDataSharingItem()), mutate), description);
    });

    async function expectInvalidScope(requestObject: JsonRecord, description: RegExp): Promise<void> {
      const answer = await validate(requestObject);
      expect(answer).toMatchObject({
        httpStatus: 200,
        status: 'ERROR',
        errorCode: 400,
        data: { errorMessage: 'invalid_scope' },
      });
      expect(answer.data.errorDescription).toMatch(description);
    }

    it.each<[string, JsonRecord, string, RegExp]>([
      [
        'data sharing asking for payments',
        uaeDataSharingItem(),
        'payments openid',
        /^invalid_scope: a urn:openfinanceuae:account-access-consent:v2\.1 consent needs the scope accounts openid; accounts is missing \(scope\)$/,
      ],
      [
        'data sharing without openid',
        uaeDataSharingItem(),
        'accounts',
        /^invalid_scope: .* openid is missing \(scope\)$/,
      ],
      [
        'a payment asking for accounts',
        uaeSingleInstantPaymentItem(),
        'accounts openid',
        /^invalid_scope: a urn:openfinanceuae:service-initiation-consent:v2\.1 consent needs the scope payments openid; payments is missing \(scope\)$/,
      ],
      [
        'a payment without account permissions adding accounts',
        uaeSingleInstantPaymentItem(),
        'accounts payments openid',
        /^invalid_scope: accounts does not fit a urn:openfinanceuae:service-initiation-consent:v2\.1 consent, whose scope is payments openid \(scope\)$/,
      ],
    ])('refuses %s with invalid_scope', async (_label, item, scope, description) => {
      await expectInvalidScope(mutated(uaeRequestObjectClaims(item), set('scope', scope)), description);
    });

    it('accepts accounts beside payments when the payment consent reads accounts', async () => {
      const item = mutated(
        uaeSingleInstantPaymentItem(),
        set('consent.Permissions', ['ReadAccountsBasic', 'ReadBalances']),
      );
      expect(
        await validate(mutated(uaeRequestObjectClaims(item), set('scope', 'accounts payments openid'))),
      ).toMatchObject({ status: 'SUCCESS' });
    });
  });

  describe('the request object claims of §C.1', () => {
    it.each<[string, Mutation, RegExp]>([
      ['AE-18 exp - nbf over 300 s', (claims) => (claims['exp'] = Number(claims['nbf']) + 301), /at most 300 seconds/],
      ['exp before nbf', (claims) => (claims['exp'] = Number(claims['nbf']) - 1), /exp claim must be after nbf/],
      ['response_type code id_token', set('response_type', 'code id_token'), /response_type must be code/],
      ['code_challenge_method plain', set('code_challenge_method', 'plain'), /code_challenge_method must be S256/],
      ['no code_challenge', remove('code_challenge'), /no code_challenge claim/],
      ['no nonce', remove('nonce'), /no nonce claim/],
      ['iss not the client', set('iss', 'someone-else'), /iss claim must equal client_id/],
      ['max_age over 3600', set('max_age', 3601), /max_age/],
      ['no authorization_details', remove('authorization_details'), /no authorization_details claim/],
      ['two authorization_details', append('authorization_details', uaeDataSharingItem()), /exactly one consent/],
      ['authorization_details as an object', set('authorization_details', uaeDataSharingItem()), /exactly one consent/],
      [
        'authorization_details as JSON text of one item',
        set('authorization_details', JSON.stringify([{ type: 'x' }])),
        /type must be one of/,
      ],
      ['nbf as a string', set('nbf', 'now'), /nbf and exp claims must be times/],
      [
        'two audiences',
        set('aud', ['https://localhost:9446/oauth2/token', 'https://other.example']),
        /^The aud claim must be one audience: the issuer of the authorisation server$/,
      ],
    ])('%s', async (_label, mutate, description) => {
      await expectRefused(mutated(uaeRequestObjectClaims(uaeDataSharingItem()), mutate), description);
    });

    it('refuses a call without a request object', async () => {
      expect(await callChecked(uaeSimulator(server).client, 'validate-authorization-request', {})).toMatchObject({
        status: 'ERROR',
        errorCode: 400,
        data: { errorMessage: 'invalid_request', errorDescription: 'The request object is missing' },
      });
    });
  });

  it('gives the same first error for the same bad request every time', async () => {
    const bad = uaeRequestObjectClaims(
      mutated(uaeDataSharingItem(), set('consent.Permissions', ['ReadFoo']), set('consent.ExpirationDateTime', 'x')),
    );
    const first = await validate(bad);
    const second = await validate(bad);
    // Two faults (an unknown permission, a malformed expiry): the permission is reported, on every call.
    const permissionRefused =
      /^Body\.InvalidFormat: authorization_details\[0\]\.consent\.Permissions\[0\] must be one of ReadAccountsBasic, .+ \(authorization_details\[0\]\.consent\.Permissions\[0\]\)$/;
    for (const answer of [first, second]) {
      expect(answer).toMatchObject({
        httpStatus: 200,
        status: 'ERROR',
        errorCode: 400,
        data: { errorMessage: 'invalid_request' },
      });
      expect(Object.keys(answer.data).sort()).toEqual(['errorDescription', 'errorMessage']);
      expect(answer.data.errorDescription).toMatch(permissionRefused);
    }
    expect(second.data).toEqual(first.data);
  });

  it('AE-03 refuses a ConsentId the TPP has used, but not the same id of another TPP', async () => {
    const consentId = randomUUID();
    const simulator = uaeSimulator(server);
    // A consent is created with the ConsentId at persist (the PAR flow).
    const claims = uaeRequestObjectClaims(uaeDataSharingItem(consentId));
    const screen = await callChecked(simulator.client, 'populate-consent-authorize-screen', {
      userId: 'psu@wso2.com',
      requestParameters: claims,
      consentResource: {},
    });
    const authorizedResources = buildAuthorizedResources(screen.data, {
      userId: 'psu@wso2.com',
      approve: false,
      selection: {},
    });
    const created = await callChecked(simulator.client, 'persist-authorized-consent', {
      isApproved: false,
      userGrantedData: { userId: 'psu@wso2.com', requestParameters: claims, authorizedResources },
    });
    expect(created.status).toBe('SUCCESS');
    await expectRefused(
      uaeRequestObjectClaims(uaeDataSharingItem(consentId)),
      /^Consent\.Invalid: ConsentId .* has already been used by this TPP/,
    );
    expect(await validate(uaeRequestObjectClaims(uaeDataSharingItem(consentId), 'another-tpp'))).toMatchObject({
      status: 'SUCCESS',
    });
  });

  it('refuses a BaseConsentId that is not a consent of the TPP', async () => {
    await expectRefused(
      uaeRequestObjectClaims(uaeDataSharingItem(randomUUID(), randomUUID())),
      /^Consent\.Invalid: BaseConsentId .* is not a consent of this TPP/,
    );
  });
});
