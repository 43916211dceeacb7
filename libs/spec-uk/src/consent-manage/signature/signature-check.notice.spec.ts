import { jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { SettingsReader } from '@app/contract';
import { resolveUkSpecOptions } from '../../uk-spec.options.js';
import { SignatureCheckNotice } from './signature-check.notice.js';

describe(SignatureCheckNotice.name, () => {
  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('warns at boot that payment consents are served without a signature check when verification is off (the default)', () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    new SignatureCheckNotice(resolveUkSpecOptions(new SettingsReader({}))).onModuleInit();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toMatch(
      /^UK_SIGNATURE_VERIFICATION is off: payment and VRP consents are accepted without checking x-jws-signature here\./,
    );
  });

  it('says nothing when the service verifies signatures itself', () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    new SignatureCheckNotice(
      resolveUkSpecOptions(new SettingsReader({ UK_SIGNATURE_VERIFICATION: 'on' })),
    ).onModuleInit();
    expect(warn).not.toHaveBeenCalled();
  });
});
