/*
 * Registers `toSatisfyExtensionContract`. The e2e project loads it through e2e-setup.ts (Jest's `setupFilesAfterEnv`,
 * see jest.config.mjs); a unit spec imports it for its side effect (relative path). The barrel never re-exports it: it
 * needs Jest at run time, the journey CLI must not.
 */
import { expect } from '@jest/globals';
import type { ExtensionName } from '@app/contract';
import { toSatisfyExtensionContract } from './contract-matcher.js';

expect.extend({ toSatisfyExtensionContract });

/* The type parameters must repeat the originals exactly for the declarations to merge. */
/* eslint-disable @typescript-eslint/no-unused-vars, @typescript-eslint/no-empty-object-type, @typescript-eslint/no-namespace */
declare module 'expect' {
  interface Matchers<R extends void | Promise<void>, T = unknown> {
    /** The answer satisfies the identity server's contract for `extension` (responseId echoes `requestId`). */
    toSatisfyExtensionContract(extension: ExtensionName, requestId?: string): R;
  }
}

declare global {
  namespace jest {
    interface Matchers<R, T = {}> {
      /** The answer satisfies the identity server's contract for `extension` (responseId echoes `requestId`). */
      toSatisfyExtensionContract(extension: ExtensionName, requestId?: string): R;
    }
  }
}
/* eslint-enable @typescript-eslint/no-unused-vars, @typescript-eslint/no-empty-object-type, @typescript-eslint/no-namespace */
