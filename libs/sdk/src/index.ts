/*
 * `@consent-extensions/sdk`: the public, versioned API for authors of specification modules. Everything a module needs
 * is here, and nothing else is promised: the rest of the code base may change between releases. A module loaded from
 * EXTENSION_MODULES imports this name and gets the running service's own copy (the ports are the tokens the platform
 * looks up). See libs/sdk/README.md.
 */

/** The version of this API, in semver; a module's `apiVersion` must equal its major version. */
export const SDK_VERSION = '1.1.0';

// Declaring a module.
export { SPEC_MODULE_API_VERSION, defineSpecModule, type SpecModule } from '@app/contract';
export { SPEC_ID_PATTERN, type SpecPlugin } from '@app/contract';
export { bindPoints, type PointBindings } from '@app/contract';
export { InheritedPoints } from '@app/contract';
export { pointOrigins, type PointOrigin } from '@app/contract';

// The extension points: names, ports, request and answer types, outcomes.
export { EXTENSION_NAMES, allowedExtensionName, type ExtensionName } from '@app/contract';
export {
  ExtensionHandler,
  EXTENSION_PORTS,
  AcceleratorErrorMapper,
  ApplicationCreationPreProcessor,
  ApplicationUpdatePreProcessor,
  AuthorizationRequestValidator,
  AuthorizedConsentPersister,
  ClientCreationPreProcessor,
  ClientRetrievalPreProcessor,
  ClientUpdatePreProcessor,
  ConsentAccessValidator,
  ConsentCreationPreProcessor,
  ConsentCreationResponseEnricher,
  ConsentFileResponseEnricher,
  ConsentFileRetrievalValidator,
  ConsentFileUploadPreProcessor,
  ConsentRetrievalPreProcessor,
  ConsentRevocationPreProcessor,
  ConsentScreenPopulator,
  ConsentSearchResponseEnricher,
  EventCreationValidator,
  EventPollingResponseEnricher,
  EventPollingValidator,
  EventSubscriptionResponseEnricher,
  EventSubscriptionValidator,
  RefreshTokenIssuer,
  type ExtensionContext,
  type OutcomeOf,
} from '@app/contract';
export { type RequestDataOf, type SuccessDataOf, type FailureDataOf } from '@app/contract';
export { succeed, fail, type ExtensionOutcome, type ExtensionSuccess, type ExtensionFailure } from '@app/contract';

// Settings, time and JSON helpers.
export {
  SettingsReader,
  SettingError,
  TRUE_WORDS,
  FALSE_WORDS,
  type SettingRecord,
  type SettingSource,
} from '@app/contract';
export { SYSTEM_CLOCK, type Clock } from '@app/contract';
export { isJsonObject, isString, objectAt, stringAt, headerValue, jsonEquals, type JsonObject } from '@app/contract';

// The bank backend port: the customer's accounts, from the embedded bank or the bank core's HTTP API.
export { DependencyUnavailableError } from '@app/contract';
export {
  BankBackend,
  BankBackendUnavailableError,
  type BankAccountView,
  type BankAccountType,
  type BankAccountSubType,
  type BankAccountStatus,
} from '@app/bank-backend';
