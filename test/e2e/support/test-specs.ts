import { Injectable, Module, type DynamicModule } from '@nestjs/common';
import { ConsentAccessValidator, ConsentScreenPopulator, RefreshTokenIssuer, succeed, type OutcomeOf, type SpecPlugin } from '@app/contract';
import { BankBackendModule } from '@app/bank-backend';
import { PersistenceModule } from '@app/persistence';
import { ExtensionPlatformModule, type AppConfig } from '@app/platform';
import { DEFAULT_SPEC } from '@app/spec-default';

/** A handler that fails the way a bug would, with a message that must never reach the caller. */
@Injectable()
class ThrowingAccessValidator extends ConsentAccessValidator {
  handle(): Promise<OutcomeOf<'validate-consent-access'>> {
    return Promise.reject(new Error('SECRET-DETAIL: connection string mysql://bank:hunter2@core'));
  }
}

/** A slow handler, to observe in-flight calls during shutdown. */
@Injectable()
class SlowRefreshTokenIssuer extends RefreshTokenIssuer {
  async handle(): Promise<OutcomeOf<'issue-refresh-token'>> {
    await new Promise((resolve) => setTimeout(resolve, 400));
    return succeed({ issueRefreshToken: false });
  }
}

@Module({})
class FaultySpecModule {}

/** A specification written for tests: it also proves that a third-party module plugs into the platform. */
export const FAULTY_SPEC: SpecPlugin = {
  id: 'faulty',
  title: 'Test specification with a failing and a slow handler',
  module: {
    module: FaultySpecModule,
    providers: [
      { provide: ConsentAccessValidator, useClass: ThrowingAccessValidator },
      { provide: RefreshTokenIssuer, useClass: SlowRefreshTokenIssuer },
    ],
  } satisfies DynamicModule,
};

/** A consent screen with a key the identity server's strict Jackson mapping rejects (contract §4.9). */
@Injectable()
class ContractBreakingScreenPopulator extends ConsentScreenPopulator {
  handle(): Promise<OutcomeOf<'populate-consent-authorize-screen'>> {
    return Promise.resolve(succeed({ consentData: { type: 'accounts' }, message: 'not allowed here' } as never));
  }
}

@Module({})
class BrokenScreenSpecModule {}

export const BROKEN_SCREEN_SPEC: SpecPlugin = {
  id: 'broken-screen',
  title: 'Test specification whose consent screen breaks the contract',
  module: { module: BrokenScreenSpecModule, providers: [{ provide: ConsentScreenPopulator, useClass: ContractBreakingScreenPopulator }] },
};

/** The application with the test specifications served beside `default`, as a bank would plug in its own. */
export function testSpecsRootModule(config: AppConfig): DynamicModule {
  @Module({})
  class TestSpecsAppModule {}
  return {
    module: TestSpecsAppModule,
    imports: [
      PersistenceModule.forRoot({ databaseUrl: config.databaseUrl }),
      { ...BankBackendModule.forRoot({ seedDemoData: true }), global: true },
      ExtensionPlatformModule.forRoot({ config, specs: [FAULTY_SPEC, BROKEN_SCREEN_SPEC, DEFAULT_SPEC], fallback: DEFAULT_SPEC }),
    ],
  };
}
