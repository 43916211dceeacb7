import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { isUniqueViolation } from '../sql/driver-errors.js';
import { execute, nullableTextColumn, selectRows, textColumn } from '../sql/sql-rows.js';
import { CoalescedRead } from '../sql/coalesced-read.js';
import { SqlGateway } from '../sql/sql-gateway.js';

const MAX_CONSENT_KEY_LENGTH = 255;
const MAX_FACT_LENGTH = 64;

function requestKeyOf(requestId: string): string {
  return createHash('sha256').update(requestId, 'utf8').digest('hex');
}

/**
 * The facts specifications remember about consents (see ConsentFact). Recording several facts is all or nothing, in
 * one transaction, shared by every instance: when any of them was recorded by another request, none is recorded and
 * the answer is false; a resend of the request that recorded them gets true again.
 */
@Injectable()
export class ConsentFactRepository {
  private readonly gateway: SqlGateway;
  private readonly factsRead: CoalescedRead;

  constructor(@Inject(DataSource) dataSource: DataSource) {
    this.gateway = SqlGateway.for(dataSource);
    this.factsRead = new CoalescedRead(this.gateway, {
      columns: 'fact',
      from: 'consent_fact',
      keyColumns: ['consent_key'],
    });
  }

  async record(requestId: string, consentKey: string, facts: readonly string[]): Promise<boolean> {
    checkKey('consentKey', consentKey, MAX_CONSENT_KEY_LENGTH);
    facts.forEach((fact, index) => checkKey(`facts[${index}]`, fact, MAX_FACT_LENGTH));
    const wanted = [...new Set(facts)];
    if (wanted.length === 0) {
      return true;
    }
    const requestKey = requestKeyOf(requestId);
    const lock = this.gateway.kind === 'sqlite' ? '' : ' FOR UPDATE';
    try {
      return await this.gateway.transaction(async (runner) => {
        const rows = await selectRows(
          runner,
          `SELECT fact, request_key FROM consent_fact WHERE consent_key = ? AND fact IN (${wanted.map(() => '?').join(', ')})${lock}`,
          [consentKey, ...wanted],
        );
        if (rows.some((row) => nullableTextColumn(row, 'request_key') !== requestKey)) {
          return false;
        }
        const known = new Set(rows.map((row) => textColumn(row, 'fact')));
        const missing = wanted.filter((fact) => !known.has(fact));
        if (missing.length > 0) {
          const now = Date.now();
          await execute(
            runner,
            `INSERT INTO consent_fact (consent_key, fact, request_key, recorded_at) VALUES ${missing.map(() => '(?, ?, ?, ?)').join(', ')}`,
            missing.flatMap((fact) => [consentKey, fact, requestKey, now]),
          );
        }
        return true;
      });
    } catch (error) {
      // Another instance recorded one of the facts between our read and our insert (no row to lock yet on MariaDB
      // when none existed): whoever it was, the facts are now taken, unless this same request did it.
      if (isUniqueViolation(error)) {
        return this.recordedBy(consentKey, wanted, requestKey);
      }
      throw error;
    }
  }

  /** Every fact recorded about a consent. */
  async factsOf(consentKey: string): Promise<ReadonlySet<string>> {
    const rows = await this.factsRead.rowsOf([consentKey]);
    return new Set(rows.map((row) => textColumn(row, 'fact')));
  }

  private async recordedBy(consentKey: string, facts: readonly string[], requestKey: string): Promise<boolean> {
    const rows = await this.gateway.run((runner) =>
      selectRows(
        runner,
        `SELECT request_key FROM consent_fact WHERE consent_key = ? AND fact IN (${facts.map(() => '?').join(', ')})`,
        [consentKey, ...facts],
      ),
    );
    return rows.length === facts.length && rows.every((row) => nullableTextColumn(row, 'request_key') === requestKey);
  }
}

function checkKey(name: string, value: string, maxLength: number): void {
  if (value === '' || value.length > maxLength) {
    throw new RangeError(`${name} must have 1 to ${maxLength} characters.`);
  }
}
