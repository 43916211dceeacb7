import type { JsonObject } from '@app/contract';
import { objectAt } from '../shared/json.js';
import { scheduleTypeOf, type PaymentControls } from '../shared/payment-controls.js';
import type { ConsentProblem } from '../shared/uae-error.js';

/*
 * How many creditors the decrypted PersonalIdentifiableInformation names (`Initiation.Creditor`, an LFI rule of each
 * payment type's requirement page): exactly one for a single instant payment and for every fixed, periodic or defined
 * schedule; for a variable on-demand schedule none (an open beneficiary) up to ten (pre-approved beneficiaries).
 */

const MAX_VARIABLE_ON_DEMAND_CREDITORS = 10;

/** The creditors a schedule allows. A combined payment holds a single payment, so it takes the single payment's rule. */
function creditorRange(controls: PaymentControls): {
  readonly min: number;
  readonly max: number;
  readonly scheduleType: string;
} {
  if (controls.kind === 'combined' || controls.kind === 'single') {
    return { min: 1, max: 1, scheduleType: scheduleTypeOf(controls.kind === 'single' ? controls : controls.single) };
  }
  const scheduleType = controls.kind === 'multi' ? scheduleTypeOf(controls) : 'FilePayment';
  return scheduleType === 'VariableOnDemand'
    ? { min: 0, max: MAX_VARIABLE_ON_DEMAND_CREDITORS, scheduleType }
    : { min: 1, max: 1, scheduleType };
}

/** Whether the number of creditors fits the schedule; `path` locates the PII. */
export function creditorCountProblem(
  pii: JsonObject,
  controls: PaymentControls,
  path: string,
): ConsentProblem | undefined {
  const creditors = objectAt(pii, 'Initiation')?.['Creditor'];
  const count = Array.isArray(creditors) ? creditors.length : 0;
  const { min, max, scheduleType } = creditorRange(controls);
  if (count >= min && count <= max) {
    return undefined;
  }
  const expected = min === max ? `exactly ${min} creditor` : `at most ${max} creditors`;
  return {
    code: 'Consent.BusinessRuleViolation',
    message: `Initiation.Creditor must name ${expected} for a ${scheduleType}, not ${count}`,
    path: `${path}.Initiation.Creditor`,
  };
}
