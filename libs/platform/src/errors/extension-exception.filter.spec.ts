import { jest } from '@jest/globals';
import { Controller, Logger, Post } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { BankBackendUnavailableError } from '@app/bank-backend';
import { DependencyUnavailableError } from '@app/contract';
import { ExtensionExceptionFilter } from './extension-exception.filter.js';

/*
 * The filter as the service installs it (APP_FILTER on Fastify), behind a route that throws whatever the test sets:
 * the answer a fault becomes, from status code to the last byte of the body.
 */
let thrown: unknown;

@Controller()
class ThrowingController {
  @Post('fault')
  fault(): never {
    throw thrown;
  }
}

const REQUEST_ID = 'c0ffee00-0000-4000-8000-000000000001';
const GENERIC = 'Unexpected error while processing the extension request';
/** A stack frame as V8 writes one: `at handler (file:///…/x.ts:12:5)`. */
const STACK_FRAME = /\bat [^"]*:\d+:\d+/;

/** The filter logs the detail of a 500 as an error: kept off the test output, and read by the tests. */
function errorLog() {
  return jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
}

describe(ExtensionExceptionFilter.name, () => {
  let app: NestFastifyApplication;
  let logged: ReturnType<typeof errorLog>;

  beforeAll(async () => {
    const module = await Test.createTestingModule({
      controllers: [ThrowingController],
      providers: [{ provide: APP_FILTER, useClass: ExtensionExceptionFilter }],
    }).compile();
    app = module.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), { logger: false });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });

  afterAll(async () => {
    await app.close();
  });

  beforeEach(() => {
    logged = errorLog();
  });

  afterEach(() => {
    logged.mockRestore();
  });

  async function answerTo(error: unknown): Promise<{ status: number; contentType: unknown; body: string }> {
    thrown = error;
    const response = await app.inject({ method: 'POST', url: '/fault', payload: { requestId: REQUEST_ID, data: {} } });
    return { status: response.statusCode, contentType: response.headers['content-type'], body: response.body };
  }

  it("answers the bank backend's failure with 500 and the bank's outage, the detail only in the log", async () => {
    const error = new BankBackendUnavailableError('https://core.bank.example', 'fundsAvailable: connection refused');

    const answer = await answerTo(error);

    expect(answer.status).toBe(500);
    expect(answer.contentType).toBe('application/json; charset=utf-8');
    expect(JSON.parse(answer.body)).toEqual({
      responseId: REQUEST_ID,
      status: 'ERROR',
      data: {
        errorMessage: 'server_error',
        errorDescription: "The bank's core system did not answer; try again later",
      },
    });
    expect(answer.body).not.toContain('core.bank.example');
    expect(answer.body).not.toMatch(STACK_FRAME);
    expect(logged).toHaveBeenCalledTimes(1);
    expect(logged.mock.calls[0]?.[0]).toContain(
      'Bank backend https://core.bank.example is unavailable: fundsAvailable: connection refused',
    );
  });

  it('answers any dependency that did not answer with its own public description', async () => {
    const answer = await answerTo(
      new DependencyUnavailableError('The payment scheme did not answer; try again later', 'scheme gateway timed out'),
    );

    expect(answer.status).toBe(500);
    expect(JSON.parse(answer.body)).toEqual({
      responseId: REQUEST_ID,
      status: 'ERROR',
      data: { errorMessage: 'server_error', errorDescription: 'The payment scheme did not answer; try again later' },
    });
  });

  it('answers an unknown fault with the generic 500 and no stack, the stack going to the log', async () => {
    const error = new TypeError("Cannot read properties of undefined (reading 'accounts')");

    const answer = await answerTo(error);

    expect(answer.status).toBe(500);
    expect(JSON.parse(answer.body)).toEqual({
      responseId: REQUEST_ID,
      status: 'ERROR',
      data: { errorMessage: 'server_error', errorDescription: GENERIC },
    });
    expect(answer.body).not.toContain('accounts');
    expect(answer.body).not.toContain('TypeError');
    expect(answer.body).not.toMatch(STACK_FRAME);
    expect(logged.mock.calls[0]?.[0]).toContain(error.stack);
  });

  it('does not take an error for the bank outage because of its name: only the type counts', async () => {
    const impostor = Object.assign(new Error('Bank backend is unavailable'), { name: 'BankBackendUnavailableError' });

    const answer = await answerTo(impostor);

    expect(answer.status).toBe(500);
    expect(JSON.parse(answer.body)).toEqual({
      responseId: REQUEST_ID,
      status: 'ERROR',
      data: { errorMessage: 'server_error', errorDescription: GENERIC },
    });
  });

  it('answers a thrown value that is no Error with the generic 500', async () => {
    const answer = await answerTo('a string thrown by a careless handler');

    expect(answer.status).toBe(500);
    expect(JSON.parse(answer.body)).toEqual({
      responseId: REQUEST_ID,
      status: 'ERROR',
      data: { errorMessage: 'server_error', errorDescription: GENERIC },
    });
    expect(answer.body).not.toContain('careless');
  });
});
