import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditRecord } from '../entities/audit-record.js';
import { beforeDataSourceDestroy } from '../service-data-source.js';
import { execute } from '../sql/sql-rows.js';
import { SqlGateway } from '../sql/sql-gateway.js';
import { runnerStatements } from '../sql/sql-statements.js';
import { SqliteWriter } from '../sql/sqlite-writer.js';
import { AUDIT_ROWS_PER_STATEMENT, auditRow, insertAuditRows, type AuditRecordInput } from './audit-trail-rows.js';

export type { AuditRecordInput } from './audit-trail-rows.js';

/**
 * The audit trail of answered calls, written in batches by the platform. On a SQLite file the inserts run in the
 * writer thread (sql/sqlite-writer.ts): a batch, its commit and the checkpoint a commit may run never hold up the
 * calls being answered.
 */
@Injectable()
export class AuditTrailRepository {
  private readonly gateway: SqlGateway;
  private readonly writer: SqliteWriter | undefined;

  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {
    this.gateway = SqlGateway.for(dataSource);
    this.writer = SqliteWriter.for(dataSource);
  }

  /**
   * Inserts the records with one multi-row INSERT per 500 records, each committed on its own. Invalid records are
   * refused before any write.
   */
  async insertMany(records: readonly AuditRecordInput[]): Promise<void> {
    const rows = records.map(auditRow);
    const writer = this.writer;
    for (let start = 0; start < rows.length; start += AUDIT_ROWS_PER_STATEMENT) {
      const chunk = rows.slice(start, start + AUDIT_ROWS_PER_STATEMENT);
      // Through the gateway's queue either way: on SQLite the service's connection then never waits for the lock.
      await this.gateway.run((runner) =>
        writer === undefined
          ? insertAuditRows(runnerStatements(runner), chunk)
          : writer.run('auditInsert', { rows: chunk }),
      );
    }
  }

  /**
   * Runs `flush` when the database is closed, before its connections go (service-data-source.ts): the platform's
   * buffered records are written whichever shutdown hook runs first.
   */
  flushBeforeClosing(flush: () => Promise<void>): void {
    beforeDataSourceDestroy(this.dataSource, flush);
  }

  /** The calls about one consent, oldest first. */
  async findByConsent(consentId: string): Promise<AuditRecord[]> {
    return this.gateway.run((runner) =>
      this.dataSource
        .getRepository(AuditRecord)
        .createQueryBuilder('audit', runner)
        .where('audit.consentId = :consentId', { consentId })
        .orderBy('audit.createdAt', 'ASC')
        .addOrderBy('audit.id', 'ASC')
        .getMany(),
    );
  }

  /** Deletes the records created before `cutoff` and returns how many. */
  async purgeOlderThan(cutoff: Date): Promise<number> {
    return this.gateway.run((runner) =>
      execute(runner, 'DELETE FROM audit_record WHERE created_at < ?', [cutoff.getTime()]),
    );
  }
}
