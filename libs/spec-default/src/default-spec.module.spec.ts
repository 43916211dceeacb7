import { Global, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { BankBackend, type BankAccountView } from '@app/bank-backend';
import { EXTENSION_NAMES, EXTENSION_PORTS, nativePointsOf, type ExtensionContext } from '@app/contract';
import { DEFAULT_SPEC, DefaultSpecModule } from './index.js';

class EmptyBankBackend extends BankBackend {
  accountsOf(): Promise<BankAccountView[]> {
    return Promise.resolve([]);
  }

  holdsAccount(): Promise<boolean> {
    return Promise.resolve(false);
  }

  accountDetails(): Promise<BankAccountView | null> {
    return Promise.resolve(null);
  }
}

/** The application provides BankBackend from a global module; the specification module does not import it. */
@Global()
@Module({ providers: [{ provide: BankBackend, useValue: new EmptyBankBackend() }], exports: [BankBackend] })
class FakeBankBackendModule {}

async function compile(module = DefaultSpecModule.register()) {
  return Test.createTestingModule({ imports: [FakeBankBackendModule, module] }).compile();
}

describe(DefaultSpecModule.name, () => {
  it('binds every one of the 24 ports to an implementation that extends it', async () => {
    const moduleRef = await compile();
    expect(EXTENSION_NAMES).toHaveLength(24);
    const handlers = EXTENSION_NAMES.map((name) => {
      const handler = moduleRef.get(EXTENSION_PORTS[name], { strict: false });
      expect(handler).toBeInstanceOf(EXTENSION_PORTS[name]);
      return handler;
    });
    expect(new Set(handlers).size).toBe(24);
    await moduleRef.close();
  });

  it('binds every port in its own providers, where the registry looks for them', () => {
    const module = DefaultSpecModule.register();
    expect(module.module).toBe(DefaultSpecModule);
    expect(nativePointsOf({ id: 'default', title: 'Default', module }, EXTENSION_PORTS)).toEqual([...EXTENSION_NAMES]);
  });

  it('applies its options', async () => {
    const moduleRef = await compile(DefaultSpecModule.register({ maxInstructedAmount: 5000 }));
    const creation = moduleRef.get(EXTENSION_PORTS['pre-process-consent-creation'], { strict: false });
    const context: ExtensionContext = {
      requestId: 'req-1',
      spec: 'default',
      extension: 'pre-process-consent-creation',
    };
    const body = {
      Data: {
        Initiation: {
          InstructedAmount: { Amount: '4000', Currency: 'GBP' },
          CreditorAccount: { SchemeName: 'OB.IBAN', Identification: 'GB29NWBK60161331926819' },
        },
      },
    };
    await expect(
      creation.handle({ consentResourcePath: 'domestic-payment-consents', consentInitiationData: body }, context),
    ).resolves.toMatchObject({
      status: 'SUCCESS',
    });
    await moduleRef.close();
  });

  it.each([
    { maxInstructedAmount: 0 },
    { maxInstructedAmount: Number.NaN },
    { defaultAccountConsentValidityDays: 1.5 },
    { defaultAccountConsentValidityDays: 0 },
  ])('refuses the options %j at registration', (options) => {
    expect(() => DefaultSpecModule.register(options)).toThrow(/DefaultSpecOptions/);
  });

  it('is served as the default specification', () => {
    expect(DEFAULT_SPEC.id).toBe('default');
    expect(DEFAULT_SPEC.title).toBeTruthy();
    expect(DEFAULT_SPEC.module.module).toBe(DefaultSpecModule);
  });
});
