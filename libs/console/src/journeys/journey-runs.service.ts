import { Injectable } from '@nestjs/common';
import { JOURNEYS, runRecordedJourney, type RecordedJourneyRun } from '@app/testing';
import { BoundedStore } from '../service/bounded-store.js';
import { SelfClientFactory } from '../service/self-client.factory.js';

/** A journey run the console keeps for its page. */
export interface JourneyRun {
  /** The served specification called. */
  readonly spec: string;
  /** The specification whose journey ran (a bank module runs the journey of the one it derives from). */
  readonly journeySpec: string;
  readonly startedAt: Date;
  readonly run: RecordedJourneyRun;
}

const MAX_RUNS = 20;
const RUN_MAX_AGE_MS = 60 * 60_000;

/** Runs the simulator's journey of a specification against this service, every call recorded with its verdict. */
@Injectable()
export class JourneyRunsService {
  private readonly runs = new BoundedStore<JourneyRun>(MAX_RUNS, RUN_MAX_AGE_MS);

  constructor(private readonly clients: SelfClientFactory) {}

  async run(spec: string, journeySpec: string): Promise<string> {
    const journey = JOURNEYS[journeySpec];
    if (journey === undefined) {
      throw new Error(`No journey for "${journeySpec}"`);
    }
    const startedAt = new Date();
    const run = await runRecordedJourney(journey, this.clients.client(spec));
    return this.runs.add({ spec, journeySpec, startedAt, run });
  }

  find(id: string): JourneyRun | undefined {
    return this.runs.get(id);
  }
}
