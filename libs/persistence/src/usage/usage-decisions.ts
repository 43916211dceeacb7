/*
 * The decisions of one batch of counted calls, made in memory from the counters and events read under lock: calls are
 * taken in arrival order, each sees the counters as the calls before it left them, and a request id already recorded
 * (in the database or earlier in the batch) replays its first outcome without counting again. Pure, so that the rules
 * are tested without a database.
 */

/** One counter move: add `amount` if the counter then stays within `limit`. */
export interface CheckedIncrement {
  readonly counterKey: string;
  readonly periodKey: string;
  readonly amount: bigint;
  readonly limit: bigint;
}

export interface CountedCall {
  readonly requestId: string;
  /** Sorted by (counterKey, periodKey): the first that would overflow is the one reported. */
  readonly increments: readonly CheckedIncrement[];
}

export type FirstUsageOutcome =
  { readonly outcome: 'accepted' } | { readonly outcome: 'refused'; readonly counterKey: string };

export type ConsumeResult =
  | FirstUsageOutcome
  /** The request id was already consumed: this is what the first call got, and nothing was counted again. */
  | { readonly outcome: 'replayed'; readonly previous: FirstUsageOutcome };

export interface BatchDecisions {
  readonly results: readonly ConsumeResult[];
  /** The events to record: one per request id seen for the first time. */
  readonly newEvents: ReadonlyMap<string, FirstUsageOutcome>;
  /** The counters whose value changed, with their new value. */
  readonly changedCounters: ReadonlyMap<
    string,
    { readonly counterKey: string; readonly periodKey: string; readonly used: bigint }
  >;
}

export function counterId(counterKey: string, periodKey: string): string {
  return JSON.stringify([counterKey, periodKey]);
}

export function decideBatch(
  calls: readonly CountedCall[],
  counters: ReadonlyMap<string, bigint>,
  recordedEvents: ReadonlyMap<string, FirstUsageOutcome>,
): BatchDecisions {
  const used = new Map(counters);
  const newEvents = new Map<string, FirstUsageOutcome>();
  const changedCounters = new Map<string, { counterKey: string; periodKey: string; used: bigint }>();
  const results = calls.map((call): ConsumeResult => {
    const previous = recordedEvents.get(call.requestId) ?? newEvents.get(call.requestId);
    if (previous !== undefined) {
      return { outcome: 'replayed', previous };
    }
    const refusal = call.increments.find(
      ({ counterKey, periodKey, amount, limit }) =>
        amount > limit || (used.get(counterId(counterKey, periodKey)) ?? 0n) > limit - amount,
    );
    const outcome: FirstUsageOutcome =
      refusal === undefined ? { outcome: 'accepted' } : { outcome: 'refused', counterKey: refusal.counterKey };
    if (refusal === undefined) {
      for (const { counterKey, periodKey, amount } of call.increments.filter((increment) => increment.amount > 0n)) {
        const id = counterId(counterKey, periodKey);
        const next = (used.get(id) ?? 0n) + amount;
        used.set(id, next);
        changedCounters.set(id, { counterKey, periodKey, used: next });
      }
    }
    newEvents.set(call.requestId, outcome);
    return outcome;
  });
  return { results, newEvents, changedCounters };
}
