import { AuthorizationRequestValidator, type ExtensionContext } from '@app/contract';
import { DefaultAuthorizationRequestValidator } from './default-authorization-request.validator.js';

describe(DefaultAuthorizationRequestValidator.name, () => {
  it('accepts every request object', async () => {
    const validator: AuthorizationRequestValidator = new DefaultAuthorizationRequestValidator();
    const context: ExtensionContext = {
      requestId: 'req-1',
      spec: 'default',
      extension: 'validate-authorization-request',
    };
    await expect(
      validator.handle({ requestObject: { scope: 'openid accounts', aud: ['a', 'b'] } }, context),
    ).resolves.toEqual({
      status: 'SUCCESS',
      data: {},
    });
    await expect(validator.handle({}, context)).resolves.toEqual({ status: 'SUCCESS', data: {} });
  });
});
