export { createTestDataSource, type TestDatabase } from './create-test-data-source.js';
export {
  resolveTestDatabaseTarget,
  testDatabaseKind,
  type TestDatabaseKind,
  type TestDatabaseTarget,
} from './test-database-target.js';
