/**
 * Something the real identity server would fail on after reading an answer: a null where Java unboxes a primitive, a
 * database constraint (duplicate attribute key, NOT NULL column), a type Gson cannot read. The simulator reports it
 * instead of storing half an answer, because the identity server rolls the transaction back.
 */
export class IdentityServerFailure extends Error {
  override readonly name = 'IdentityServerFailure';

  constructor(
    /** What the identity server would say or do, in its own terms (exception, SQL error, redirect). */
    message: string,
  ) {
    super(message);
  }
}
