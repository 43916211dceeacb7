import type { AnswerToRecord, ExtensionRequestRepository, RecordedAnswer } from '@app/persistence';
import { AnswerRecorder } from './answer-recorder.js';

const FINGERPRINT = 'a'.repeat(64);
const answerFor = (requestId: string): AnswerToRecord => ({
  key: { spec: 'default', extension: 'persist-authorized-consent', requestId },
  fingerprint: FINGERPRINT,
  httpStatus: 200,
  responseBody: '{}',
});

/** A repository that fails every batch holding one of the poisoned request ids, as a bad row fails its statement. */
class PoisonableRepository {
  readonly batches: string[][] = [];
  constructor(private readonly poisoned: ReadonlySet<string>) {}

  recordAnswers(answers: readonly AnswerToRecord[]): Promise<RecordedAnswer[]> {
    const ids = answers.map((answer) => answer.key.requestId);
    this.batches.push(ids);
    const bad = ids.find((id) => this.poisoned.has(id));
    return bad === undefined
      ? Promise.resolve(answers.map(() => ({ kind: 'recorded' as const })))
      : Promise.reject(new Error(`statement failed on ${bad}`));
  }
}

async function settle(recorder: AnswerRecorder, ids: readonly string[]): Promise<string[]> {
  const outcomes = await Promise.allSettled(ids.map((id) => recorder.record(answerFor(id))));
  return outcomes.map((outcome) =>
    outcome.status === 'fulfilled' ? outcome.value.kind : (outcome.reason as Error).message,
  );
}

describe(AnswerRecorder.name, () => {
  it('writes the answers that arrive together in one batch', async () => {
    const repository = new PoisonableRepository(new Set());
    const recorder = new AnswerRecorder(repository as unknown as ExtensionRequestRepository);
    const ids = Array.from({ length: 40 }, (_, index) => `r-${index}`);

    expect(await settle(recorder, ids)).toEqual(ids.map(() => 'recorded'));
    expect(repository.batches).toEqual([ids]);
  });

  it('fails only the answers that fail their batch, and records every neighbour', async () => {
    const ids = Array.from({ length: 600 }, (_, index) => `r-${index}`);
    const poisoned = new Set(ids.filter((_, index) => index % 31 === 7));
    const repository = new PoisonableRepository(poisoned);
    const recorder = new AnswerRecorder(repository as unknown as ExtensionRequestRepository);

    const outcomes = await settle(recorder, ids);

    expect(outcomes).toEqual(ids.map((id) => (poisoned.has(id) ? `statement failed on ${id}` : 'recorded')));
    // Isolating costs a few statements per bad answer, not one per answer of the batch.
    expect(repository.batches.length).toBeLessThan(ids.length / 2);
  });

  it('goes on with the next batches after a failed one', async () => {
    const repository = new PoisonableRepository(new Set(['bad']));
    const recorder = new AnswerRecorder(repository as unknown as ExtensionRequestRepository);

    expect(await settle(recorder, ['bad'])).toEqual(['statement failed on bad']);
    expect(await settle(recorder, ['good-1', 'good-2'])).toEqual(['recorded', 'recorded']);
  });
});
