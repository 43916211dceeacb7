import { MalformedRequestError } from '../errors/service-errors.js';
import { RequestDataValidator } from './request-data-validator.js';

describe(RequestDataValidator.name, () => {
  const validator = new RequestDataValidator();

  it('accepts a field the identity server may omit when it is null, and hands it on as absent', () => {
    const data = {
      consentId: 'c-1',
      requestHeaders: null,
      consentResource: {
        id: 'c-1',
        clientId: null,
        authorizations: [{ id: 'a-1', userId: null, type: 'authorisation', status: 'Created', resources: [] }],
      },
    };
    expect(() => validator.check('pre-process-consent-retrieval', data, 'r-1')).not.toThrow();
    expect(data).toEqual({
      consentId: 'c-1',
      consentResource: {
        id: 'c-1',
        authorizations: [{ id: 'a-1', type: 'authorisation', status: 'Created', resources: [] }],
      },
    });
  });

  it('still refuses a wrong type that is not null, with the same first error every time', () => {
    const call = () => validator.check('pre-process-consent-retrieval', { consentId: 7, requestHeaders: null }, 'r-2');
    expect(call).toThrow(
      new MalformedRequestError('data.consentId must be string (pre-process-consent-retrieval)', 'r-2'),
    );
    expect(call).toThrow('data.consentId must be string (pre-process-consent-retrieval)');
  });

  it('keeps a null inside an array: an element is not an omitted field', () => {
    expect(() =>
      validator.check('pre-process-consent-retrieval', { consentResource: { authorizations: [null] } }, 'r-3'),
    ).toThrow('data.consentResource.authorizations.0 must be object (pre-process-consent-retrieval)');
  });
});
