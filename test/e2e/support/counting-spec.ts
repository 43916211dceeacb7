import { Inject, Injectable, Module, type DynamicModule } from '@nestjs/common';
import {
  AuthorizedConsentPersister,
  bindPoints,
  ConsentCreationPreProcessor,
  RefreshTokenIssuer,
  succeed,
  type OutcomeOf,
  type SpecPlugin,
} from '@app/contract';
import type { AppConfig } from '@app/platform';
import { rootModuleServing } from './root-module.js';

/**
 * Numbers the answers of the counting specification. A replay test needs a handler whose answer changes from one call
 * to the next: only then does getting the first answer again prove that it was recorded, not computed again. Kept
 * outside the application so that the count goes on across a restart of the service.
 */
export class AnswerCounter {
  private answers = 0;

  next(): number {
    this.answers += 1;
    return this.answers;
  }
}

/** Where the counting specification puts the number of its answer in a consent resource. */
export const ANSWER_ATTRIBUTE = 'answer';

@Injectable()
class CountingConsentPersister extends AuthorizedConsentPersister {
  constructor(@Inject(AnswerCounter) private readonly counter: AnswerCounter) {
    super();
  }

  handle(): Promise<OutcomeOf<'persist-authorized-consent'>> {
    return Promise.resolve(
      succeed({
        consentResource: { status: 'Authorised', attributes: { [ANSWER_ATTRIBUTE]: String(this.counter.next()) } },
      }),
    );
  }
}

@Injectable()
class CountingConsentCreationPreProcessor extends ConsentCreationPreProcessor {
  constructor(@Inject(AnswerCounter) private readonly counter: AnswerCounter) {
    super();
  }

  handle(): Promise<OutcomeOf<'pre-process-consent-creation'>> {
    return Promise.resolve(
      succeed({
        consentResource: {
          type: 'accounts',
          status: 'AwaitingAuthorisation',
          frequency: 0,
          validityTime: 0,
          recurringIndicator: false,
          attributes: { [ANSWER_ATTRIBUTE]: String(this.counter.next()) },
        },
      }),
    );
  }
}

/** issue-refresh-token is not replayed (the identity server stores nothing of it): every call gets a new number. */
@Injectable()
class CountingRefreshTokenIssuer extends RefreshTokenIssuer {
  constructor(@Inject(AnswerCounter) private readonly counter: AnswerCounter) {
    super();
  }

  handle(): Promise<OutcomeOf<'issue-refresh-token'>> {
    return Promise.resolve(succeed({ issueRefreshToken: true, refreshTokenValidityPeriod: this.counter.next() }));
  }
}

@Module({})
class CountingSpecModule {}

export const COUNTING_SPEC_ID = 'counting';

/** A specification for tests whose answers number themselves: two recorded points and one that is not recorded. */
export function countingSpec(counter: AnswerCounter): SpecPlugin {
  return {
    id: COUNTING_SPEC_ID,
    title: 'Test specification whose every answer carries a new number',
    module: {
      module: CountingSpecModule,
      providers: [
        { provide: AnswerCounter, useValue: counter },
        ...bindPoints({
          'persist-authorized-consent': CountingConsentPersister,
          'pre-process-consent-creation': CountingConsentCreationPreProcessor,
          'issue-refresh-token': CountingRefreshTokenIssuer,
        }),
      ],
    } satisfies DynamicModule,
  };
}

/** The application serving the counting specification beside `default`, as a bank would plug in its own. */
export function countingRootModule(counter: AnswerCounter): (config: AppConfig) => DynamicModule {
  return (config) => rootModuleServing(config, countingSpec(counter));
}
