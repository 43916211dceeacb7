import { AcceleratorErrorMapper, type ExtensionContext } from '@app/contract';
import { DefaultAcceleratorErrorMapper } from './default-accelerator-error.mapper.js';

describe(DefaultAcceleratorErrorMapper.name, () => {
  const mapper: AcceleratorErrorMapper = new DefaultAcceleratorErrorMapper();
  const context: ExtensionContext = {
    requestId: 'req-1',
    spec: 'default',
    extension: 'map-accelerator-error-response',
  };
  const map = (code: string | undefined, operation: string | undefined = 'consent_retrieve') =>
    mapper.handle(
      {
        error: {
          ...(code === undefined ? {} : { code }),
          description: 'Consent not found',
          ...(operation ? { operation } : {}),
        },
      },
      context,
    );

  it("answers the accelerator's own body with its status", async () => {
    await expect(map('400')).resolves.toEqual({
      status: 'SUCCESS',
      errorCode: 400,
      data: { error: { code: '400', message: 'consent_retrieve', description: 'Consent not found' } },
    });
  });

  it.each([
    ['401', 401],
    ['403', 403],
    ['500', 500],
    ['505', 505],
  ])('relays the status %s', async (code, status) => {
    await expect(map(code)).resolves.toMatchObject({ status: 'SUCCESS', errorCode: status });
  });

  it.each(['408', '418', '423', '302', '200', '600', '99', 'Bad Request', '', ' 400'])(
    'sends a status the consent endpoints cannot relay (%p) as 500, keeping the body',
    async (code) => {
      await expect(map(code)).resolves.toEqual({
        status: 'SUCCESS',
        errorCode: 500,
        data: { error: { code, message: 'consent_retrieve', description: 'Consent not found' } },
      });
    },
  );

  it('handles unknown operations and missing fields', async () => {
    await expect(map('404', 'consent_teleport')).resolves.toMatchObject({
      errorCode: 404,
      data: { error: { message: 'consent_teleport' } },
    });
    await expect(mapper.handle({}, context)).resolves.toEqual({
      status: 'SUCCESS',
      errorCode: 500,
      data: { error: { code: '500' } },
    });
    await expect(mapper.handle({ error: { description: 'Consent not found' } }, context)).resolves.toEqual({
      status: 'SUCCESS',
      errorCode: 500,
      data: { error: { code: '500', description: 'Consent not found' } },
    });
  });
});
