import { DataSource } from 'typeorm';
import { SqliteWriter } from './sql/sqlite-writer.js';

type BeforeDestroyTask = () => Promise<void>;

const beforeDestroyTasks = new WeakMap<DataSource, BeforeDestroyTask[]>();

/**
 * The DataSource of this service (data-source-factory.ts creates every one). Its destroy() runs, in order:
 *
 * 1. The tasks registered with `beforeDataSourceDestroy`, such as writing the audit records still buffered. Nest
 *    calls the shutdown hooks of modules in an order that depends on how the modules import each other, and
 *    @nestjs/typeorm destroys the DataSource in its own hook: with the console off (as in the image), it came first
 *    and the audit records of the last 200 ms before a SIGTERM were lost. Tying them to the destruction itself makes
 *    the order independent of the module graph.
 * 2. TypeORM's own destroy: the connections close.
 * 3. The end of the threads that write to a SQLite file (sql/sqlite-writer.ts), awaited, so that once destroy()
 *    resolves nothing holds the file open: a test deletes it, an operator's tool moves it.
 */
export class ServiceDataSource extends DataSource {
  override async destroy(): Promise<void> {
    const tasks = beforeDestroyTasks.get(this) ?? [];
    beforeDestroyTasks.delete(this);
    try {
      for (const task of tasks) {
        await task();
      }
    } finally {
      await super.destroy();
      await SqliteWriter.stopFor(this);
    }
  }
}

/**
 * Runs `task` when the DataSource is destroyed, before its connections close (see ServiceDataSource). A task reports
 * its own failures: one that throws still lets the DataSource close, and the error reaches the caller of destroy().
 */
export function beforeDataSourceDestroy(dataSource: DataSource, task: BeforeDestroyTask): void {
  const tasks = beforeDestroyTasks.get(dataSource) ?? [];
  tasks.push(task);
  beforeDestroyTasks.set(dataSource, tasks);
}
