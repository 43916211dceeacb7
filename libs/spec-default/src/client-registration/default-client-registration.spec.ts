import {
  ApplicationCreationPreProcessor,
  ApplicationUpdatePreProcessor,
  ClientCreationPreProcessor,
  ClientRetrievalPreProcessor,
  ClientUpdatePreProcessor,
  type ExtensionContext,
  type ExtensionName,
} from '@app/contract';
import { DefaultApplicationCreationPreProcessor } from './default-application-creation.pre-processor.js';
import { DefaultApplicationUpdatePreProcessor } from './default-application-update.pre-processor.js';
import { DefaultClientCreationPreProcessor } from './default-client-creation.pre-processor.js';
import { DefaultClientRetrievalPreProcessor } from './default-client-retrieval.pre-processor.js';
import { DefaultClientUpdatePreProcessor } from './default-client-update.pre-processor.js';

const context = (extension: ExtensionName): ExtensionContext => ({ requestId: 'req-1', spec: 'default', extension });
const clientData = {
  redirect_uris: ['https://tpp.example/cb'],
  software_statement: 'eyJ...',
  token_endpoint_auth_method: 'private_key_jwt',
};
const softwareStatement = { software_id: 'sw-1', org_id: 'org-1' };

describe('DCR client registration', () => {
  it('stores a registration as it was sent', async () => {
    const preProcessor: ClientCreationPreProcessor = new DefaultClientCreationPreProcessor();
    await expect(
      preProcessor.handle({ clientData, softwareStatement }, context('pre-process-client-creation')),
    ).resolves.toEqual({
      status: 'SUCCESS',
      data: { clientData },
    });
    await expect(preProcessor.handle({ softwareStatement }, context('pre-process-client-creation'))).resolves.toEqual({
      status: 'SUCCESS',
      data: { clientData: {} },
    });
  });

  it('stores an update as it was sent', async () => {
    const preProcessor: ClientUpdatePreProcessor = new DefaultClientUpdatePreProcessor();
    const outcome = preProcessor.handle(
      { clientData, softwareStatement, existingClientData: [{ client_id: 'c' }] },
      context('pre-process-client-update'),
    );
    await expect(outcome).resolves.toEqual({ status: 'SUCCESS', data: { clientData } });
  });

  it('lets a retrieval through', async () => {
    const preProcessor: ClientRetrievalPreProcessor = new DefaultClientRetrievalPreProcessor();
    await expect(preProcessor.handle({ softwareStatement }, context('pre-process-client-retrieval'))).resolves.toEqual({
      status: 'SUCCESS',
      data: {},
    });
  });
});

describe('API Manager applications', () => {
  const additionalProperties = { regulatory: 'true', sp_certificate: '-----BEGIN CERTIFICATE-----' };

  it('keeps the properties of a new application and lets the key manager keep its client id', async () => {
    const preProcessor: ApplicationCreationPreProcessor = new DefaultApplicationCreationPreProcessor();
    await expect(
      preProcessor.handle(
        { appData: { name: 'tpp' }, additionalProperties },
        context('pre-process-application-creation'),
      ),
    ).resolves.toEqual({
      status: 'SUCCESS',
      data: { additionalAppData: additionalProperties },
    });
    await expect(preProcessor.handle({}, context('pre-process-application-creation'))).resolves.toEqual({
      status: 'SUCCESS',
      data: { additionalAppData: {} },
    });
  });

  it('keeps the properties of an updated application', async () => {
    const preProcessor: ApplicationUpdatePreProcessor = new DefaultApplicationUpdatePreProcessor();
    const outcome = preProcessor.handle(
      { additionalProperties, existingAppData: { name: 'tpp' } },
      context('pre-process-application-update'),
    );
    await expect(outcome).resolves.toEqual({ status: 'SUCCESS', data: { additionalAppData: additionalProperties } });
  });
});
