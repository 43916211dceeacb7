import { QueryFailedError } from 'typeorm';

const SQLITE_UNIQUE_VIOLATIONS: readonly string[] = ['SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_PRIMARYKEY'];
const MYSQL_DUPLICATE_ENTRY = 1062;
const MYSQL_LOCK_WAIT_TIMEOUT = 1205;
const MYSQL_DEADLOCK = 1213;

/** Another row already has this primary or unique key: for the repositories, "someone else got there first". */
export function isUniqueViolation(error: unknown): boolean {
  const { code, errno } = driverErrorOf(error);
  return (typeof code === 'string' && SQLITE_UNIQUE_VIOLATIONS.includes(code)) || errno === MYSQL_DUPLICATE_ENTRY;
}

/** InnoDB chose this transaction as a deadlock victim or gave up waiting for a lock: running it again will work. */
export function isTransientLockConflict(error: unknown): boolean {
  const { errno } = driverErrorOf(error);
  return errno === MYSQL_DEADLOCK || errno === MYSQL_LOCK_WAIT_TIMEOUT;
}

function driverErrorOf(error: unknown): { readonly code?: unknown; readonly errno?: unknown } {
  const driverError: unknown = error instanceof QueryFailedError ? error.driverError : error;
  return typeof driverError === 'object' && driverError !== null ? driverError : {};
}
