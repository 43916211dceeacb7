/**
 * An amount a payment would take from an account: a decimal text as in Open Banking bodies (`165.88`, at most five
 * decimals) and its ISO 4217 currency.
 */
export interface MoneyAmount {
  readonly amount: string;
  readonly currency: string;
}
