import type { UsageCounterRepository, UsageIncrement } from '@app/persistence';
import type { JsonObject } from '@app/contract';
import { scaledAmount } from '../shared/amount.js';
import { instantOf } from '../shared/date-time.js';
import { isJsonObject, objectAt, stringAt, stringsAt } from '../shared/json.js';
import { UkErrorCode, ukRejection, type UkRejection } from '../shared/uk-error.js';
import { vrpNotYetValid } from '../consent-authorize/consent-expiry.js';
import { httpMethodOf, type AccessRequest, type AccessRules } from './access-request.js';
import { paymentOrderMatchingConsent } from './payment-order-matching-consent.js';
import { paymentOrderEventId, submissionData, unchangedField } from './submission-body.js';
import { applicableVrpLimit, vrpPeriodKey } from './vrp-periods.js';

function failsControl(message: string, path?: string): UkRejection {
  return ukRejection(400, UkErrorCode.RulesFailsControlParameters, message, path);
}

/** The payment's fields the consent's control parameters restrict (OBDomesticVRPRequest against ControlParameters). */
function controlParameterRejection(data: JsonObject, control: JsonObject | undefined): UkRejection | undefined {
  const vrpType = stringAt(data, 'VRPType');
  if (vrpType === undefined || !stringsAt(control, 'VRPType').includes(vrpType)) {
    return failsControl(`VRPType ${String(vrpType)} is not one the consent allows`, 'Data.VRPType');
  }
  const method = stringAt(data, 'PSUAuthenticationMethod');
  if (method === undefined || !stringsAt(control, 'PSUAuthenticationMethods').includes(method)) {
    return failsControl(
      `PSUAuthenticationMethod ${String(method)} is not one the consent allows`,
      'Data.PSUAuthenticationMethod',
    );
  }
  const interactionTypes = stringsAt(control, 'PSUInteractionTypes');
  const interaction = stringAt(data, 'PSUInteractionType');
  if (interactionTypes.length > 0 && interaction !== undefined && !interactionTypes.includes(interaction)) {
    return failsControl(`PSUInteractionType ${interaction} is not one the consent allows`, 'Data.PSUInteractionType');
  }
  const instructed = objectAt(objectAt(data, 'Instruction'), 'InstructedAmount');
  const maximum = objectAt(control, 'MaximumIndividualAmount');
  const amount = scaledAmount(instructed?.['Amount']);
  if (amount === undefined || amount <= 0n) {
    return ukRejection(
      400,
      UkErrorCode.FieldInvalid,
      'Data.Instruction.InstructedAmount.Amount must be an amount above 0',
      'Data.Instruction.InstructedAmount.Amount',
    );
  }
  if (stringAt(instructed, 'Currency') !== stringAt(maximum, 'Currency')) {
    return failsControl(
      'The payment is not in the currency of the consent',
      'Data.Instruction.InstructedAmount.Currency',
    );
  }
  const ceiling = scaledAmount(maximum?.['Amount']);
  if (ceiling === undefined || amount > ceiling) {
    return failsControl(
      `The payment exceeds MaximumIndividualAmount ${String(maximum?.['Amount'])}`,
      'Data.Instruction.InstructedAmount.Amount',
    );
  }
  return undefined;
}

/** The consent's creditor and reference, when it fixes them, must be the instruction's. */
function instructionMismatch(data: JsonObject, initiation: JsonObject | undefined): UkRejection | undefined {
  const instruction = objectAt(data, 'Instruction');
  const creditor = objectAt(initiation, 'CreditorAccount');
  if (creditor !== undefined) {
    const mismatch = unchangedField(
      objectAt(instruction, 'CreditorAccount'),
      creditor,
      'Data.Instruction.CreditorAccount',
    );
    if (mismatch !== undefined) {
      return mismatch;
    }
  }
  const reference = stringAt(objectAt(initiation, 'RemittanceInformation'), 'Reference');
  return reference === undefined
    ? undefined
    : unchangedField(
        stringAt(objectAt(instruction, 'RemittanceInformation'), 'Reference'),
        reference,
        'Data.Instruction.RemittanceInformation.Reference',
      );
}

/**
 * OBVRPFundsConfirmationRequest (v3.1.11): it names this consent, and its Reference "must be the same value as the
 * Reference field in the consent".
 */
function fundsConfirmationMismatch(
  request: AccessRequest,
  initiation: JsonObject | undefined,
): UkRejection | undefined {
  const submission = submissionData(request);
  if ('rejection' in submission) {
    return submission.rejection;
  }
  const reference = submission.data['Reference'];
  return reference === undefined
    ? undefined
    : unchangedField(reference, stringAt(objectAt(initiation, 'RemittanceInformation'), 'Reference'), 'Data.Reference');
}

/** One increment per periodic limit: the payment's amount in the period it falls in, against the limit of that period. */
function periodicIncrements(
  request: AccessRequest,
  control: JsonObject | undefined,
  amount: bigint,
): UsageIncrement[] | UkRejection {
  const limits = Array.isArray(control?.['PeriodicLimits'])
    ? (control['PeriodicLimits'] as unknown[]).filter(isJsonObject)
    : [];
  const consentStart = instantOf(control?.['ValidFromDateTime']) ?? (request.consent.createdTime ?? 0) * 1000;
  const increments: UsageIncrement[] = [];
  for (const limit of limits) {
    const periodType = stringAt(limit, 'PeriodType') ?? '';
    const alignment = stringAt(limit, 'PeriodAlignment') ?? '';
    const periodKey = vrpPeriodKey(periodType, alignment, request.nowMillis, consentStart);
    const ceiling = scaledAmount(limit['Amount']);
    if (periodKey === undefined || ceiling === undefined) {
      return failsControl(`The consent's periodic limit ${periodType}/${alignment} cannot be applied`);
    }
    const applicable = applicableVrpLimit(ceiling, periodType, alignment, request.nowMillis, consentStart);
    increments.push({
      counterKey: `uk-vrp:${request.consentId}:${periodType}:${alignment}`,
      periodKey,
      amount,
      limit: applicable,
    });
  }
  return increments;
}

/**
 * A domestic VRP (§A.9 U014, OBDomesticVRPControlParameters): the payment names this consent, keeps its Initiation
 * and Risk, stays within the validity window, the allowed types and methods, MaximumIndividualAmount and every
 * periodic limit. The amounts per period are counted in the database, atomically across instances, so concurrent
 * payments can never pass a limit; a retried payment (same idempotency key) is not counted twice.
 */
export function vrpPaymentRules(usage: UsageCounterRepository): AccessRules {
  return async (request) => {
    const { consent, consentId, template, nowMillis } = request;
    const consented = objectAt(consent.receipt, 'Data');
    const control = objectAt(consented, 'ControlParameters');
    if (vrpNotYetValid(consent, nowMillis)) {
      return failsControl(
        'The consent is not valid before its ValidFromDateTime',
        'Data.ControlParameters.ValidFromDateTime',
      );
    }
    if (template === '/domestic-vrp-consents/{ConsentId}/funds-confirmation' && httpMethodOf(request) === 'POST') {
      return fundsConfirmationMismatch(request, objectAt(consented, 'Initiation'));
    }
    if (template !== '/domestic-vrps' || httpMethodOf(request) !== 'POST') {
      return ukRejection(403, UkErrorCode.ResourceConsentMismatch, `A VRP consent does not give access to ${template}`);
    }
    const initiation = objectAt(consented, 'Initiation');
    const order = paymentOrderMatchingConsent(
      request,
      (data) => instructionMismatch(data, initiation) ?? controlParameterRejection(data, control),
    );
    if ('rejection' in order) {
      return order.rejection;
    }
    const { data, idempotencyKey } = order;
    const amount = scaledAmount(objectAt(objectAt(data, 'Instruction'), 'InstructedAmount')?.['Amount'])!;
    const increments = periodicIncrements(request, control, amount);
    if (!Array.isArray(increments)) {
      return increments;
    }
    const result = await usage.consume(paymentOrderEventId('uk-vrp', consentId, idempotencyKey), increments);
    const outcome = result.outcome === 'replayed' ? result.previous : result;
    if (outcome.outcome === 'accepted') {
      return undefined;
    }
    const [, , periodType, alignment] = outcome.counterKey.split(':');
    return failsControl(
      `The payment would exceed the consent's ${String(periodType)} limit (${String(alignment)} alignment)`,
      'Data.Instruction.InstructedAmount.Amount',
    );
  };
}
