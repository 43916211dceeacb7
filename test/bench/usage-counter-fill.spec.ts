import { fillStatement } from './usage-counter-fill.js';

describe('fillStatement', () => {
  it('inserts the rows of one chunk in a single statement', () => {
    expect(fillStatement(99, 3, 1700000000000)).toBe(
      "INSERT INTO usage_counter (counter_key, period_key, used, updated_at) VALUES ('bench-fill:99','total',99,1700000000000),('bench-fill:100','total',0,1700000000000),('bench-fill:101','total',1,1700000000000)",
    );
  });
});
