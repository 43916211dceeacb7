import { readFileSync } from 'node:fs';
import * as sdk from '@consent-extensions/sdk';

/**
 * The SDK is the only API a bank's module may rely on (libs/sdk/README.md). Its runtime surface is written out here
 * so that adding or dropping a name is a decision a reviewer sees (and a version bump), never a side effect of an
 * export elsewhere; and every name must be documented in the SDK's README.
 */
const PUBLISHED_RUNTIME_NAMES = [
  'AcceleratorErrorMapper',
  'ApplicationCreationPreProcessor',
  'ApplicationUpdatePreProcessor',
  'AuthorizationRequestValidator',
  'AuthorizedConsentPersister',
  'BankBackend',
  'BankBackendUnavailableError',
  'ClientCreationPreProcessor',
  'ClientRetrievalPreProcessor',
  'ClientUpdatePreProcessor',
  'ConsentAccessValidator',
  'ConsentCreationPreProcessor',
  'ConsentCreationResponseEnricher',
  'ConsentFileResponseEnricher',
  'ConsentFileRetrievalValidator',
  'ConsentFileUploadPreProcessor',
  'ConsentRetrievalPreProcessor',
  'ConsentRevocationPreProcessor',
  'ConsentScreenPopulator',
  'ConsentSearchResponseEnricher',
  'DependencyUnavailableError',
  'EXTENSION_NAMES',
  'EXTENSION_PORTS',
  'EventCreationValidator',
  'EventPollingResponseEnricher',
  'EventPollingValidator',
  'EventSubscriptionResponseEnricher',
  'EventSubscriptionValidator',
  'ExtensionHandler',
  'FALSE_WORDS',
  'InheritedPoints',
  'RefreshTokenIssuer',
  'SDK_VERSION',
  'SPEC_ID_PATTERN',
  'SPEC_MODULE_API_VERSION',
  'SYSTEM_CLOCK',
  'SettingError',
  'SettingsReader',
  'TRUE_WORDS',
  'allowedExtensionName',
  'bindPoints',
  'defineSpecModule',
  'fail',
  'headerValue',
  'isJsonObject',
  'isString',
  'jsonEquals',
  'objectAt',
  'pointOrigins',
  'stringAt',
  'succeed',
];

/** The 24 port classes are documented together ("The 24 ports"), through EXTENSION_PORTS. */
const PORTS = new Set(Object.values(sdk.EXTENSION_PORTS).map((port) => port.name));

describe('@consent-extensions/sdk', () => {
  it('exports exactly the published runtime names', () => {
    expect(Object.keys(sdk).sort()).toEqual([...PUBLISHED_RUNTIME_NAMES].sort());
  });

  it('documents every runtime name in its README', () => {
    const readme = readFileSync(new URL('../../libs/sdk/README.md', import.meta.url), 'utf8');
    const undocumented = PUBLISHED_RUNTIME_NAMES.filter((name) => !PORTS.has(name) && !readme.includes(`\`${name}\``));
    expect(undocumented).toEqual([]);
  });

  it('is at version 1.x, the module API version its README promises', () => {
    expect(sdk.SDK_VERSION).toMatch(/^1\.\d+\.\d+$/);
    expect(sdk.SPEC_MODULE_API_VERSION).toBe(1);
  });
});
