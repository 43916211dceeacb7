import { AuditRecord } from './audit-record.js';
import { BankAccountBalance } from './bank-account-balance.js';
import { BankAccountHolder } from './bank-account-holder.js';
import { BankAccount } from './bank-account.js';
import { BankCustomer } from './bank-customer.js';
import { ConsentFact } from './consent-fact.js';
import { ExtensionRequestRecord } from './extension-request-record.js';
import { UsageCounter } from './usage-counter.js';
import { UsageEvent } from './usage-event.js';

/** Every entity, listed as classes: the ESM build cannot load entities by file glob. */
export const PERSISTENT_ENTITIES = [
  ExtensionRequestRecord,
  UsageCounter,
  UsageEvent,
  AuditRecord,
  BankCustomer,
  BankAccount,
  BankAccountHolder,
  BankAccountBalance,
  ConsentFact,
] as const;
