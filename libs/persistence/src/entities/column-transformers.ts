import type { ValueTransformer } from 'typeorm';

/**
 * Moments are stored as epoch milliseconds in a BIGINT column: SQLite has no date type, MariaDB's DATETIME has no
 * time zone, and a number compares, indexes and round-trips identically on both. MariaDB returns BIGINT as a string
 * (the driver keeps big numbers exact), SQLite as a number: both are read back.
 */
export const epochMilliseconds: ValueTransformer = {
  to: (value: Date | null | undefined): number | null | undefined => (value instanceof Date ? value.getTime() : value),
  from: (value: string | number | null): Date | null => (value === null ? null : new Date(Number(value))),
};

/** Counters hold amounts in minor units, which a JavaScript number cannot always hold exactly. */
export const exactInteger: ValueTransformer = {
  to: (value: bigint | null | undefined): string | null | undefined =>
    typeof value === 'bigint' ? value.toString() : value,
  from: (value: string | number | null): bigint | null => (value === null ? null : BigInt(value)),
};
