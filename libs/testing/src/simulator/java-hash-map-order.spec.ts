import { readFileSync } from 'node:fs';
import { hashMapCapacity, javaHashMapOrder, javaStringHashCode } from './java-hash-map-order.js';

/* Orders printed by a JVM (OpenJDK 17, jvm-fixtures/HashMapOrder.java): the reference this model must reproduce. */
const jvmOrders = JSON.parse(readFileSync(new URL('./jvm-fixtures/hash-map-orders.json', import.meta.url), 'utf8')) as {
  inserted: string[];
  iterated: string[];
}[];

describe('the iteration order of java.util.HashMap', () => {
  it.each(jvmOrders.map((order) => [order.inserted.join(','), order] as const))(
    'matches the JVM for keys %s',
    (_keys, order) => {
      expect(javaHashMapOrder(order.inserted)).toEqual(order.iterated);
    },
  );

  it('hashes strings as java.lang.String does, in 32-bit arithmetic', () => {
    expect(javaStringHashCode('')).toBe(0);
    expect(javaStringHashCode('a')).toBe(97);
    expect(javaStringHashCode('Aa')).toBe(javaStringHashCode('BB'));
    expect(javaStringHashCode('consentInitiationData')).toBe(-564_844_096);
  });

  it('grows its table past three quarters full', () => {
    expect([0, 12, 13, 24, 25].map(hashMapCapacity)).toEqual([16, 16, 32, 32, 64]);
  });
});
