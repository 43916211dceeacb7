import { Injectable, Module, type DynamicModule } from '@nestjs/common';
import {
  ConsentAccessValidator,
  ConsentScreenPopulator,
  defineSpecModule,
  RefreshTokenIssuer,
  SPEC_MODULE_API_VERSION,
  succeed,
  type OutcomeOf,
  type SpecPlugin,
} from '@app/contract';
import type { LoadedSpecModule } from '../../../apps/extension-server/src/modules/extension-module-loader.js';
import { startTestServer, type RunningTestServer, type TestServerOptions } from './test-server.js';

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
  module: {
    module: BrokenScreenSpecModule,
    providers: [{ provide: ConsentScreenPopulator, useClass: ContractBreakingScreenPopulator }],
  },
};

/** The test specifications as modules, the way EXTENSION_MODULES hands a bank's own to AppModule. */
const TEST_SPEC_MODULES: readonly LoadedSpecModule[] = [FAULTY_SPEC, BROKEN_SCREEN_SPEC].map((spec) => ({
  entry: `test/e2e/support/test-specs.ts (${spec.id})`,
  module: defineSpecModule({ apiVersion: SPEC_MODULE_API_VERSION, id: spec.id, create: () => spec }),
}));

/** The service with EXTENSION_SPECS=default and the test specifications plugged in beside it, through AppModule. */
export function startTestSpecsServer(
  options: Omit<TestServerOptions, 'modules' | 'rootModule'> = {},
): Promise<RunningTestServer> {
  return startTestServer({
    ...options,
    env: { EXTENSION_SPECS: 'default', ...options.env },
    modules: TEST_SPEC_MODULES,
  });
}
