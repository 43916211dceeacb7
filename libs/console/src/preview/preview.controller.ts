import { Controller, Get, Inject, Param, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DEMO_BANK_DATA } from '@app/bank-backend';
import { isJsonRecord, type JsonRecord } from '@app/testing';
import { assertSameOriginAction, ConsoleAccessGuard } from '../access/console-access.guard.js';
import { CONSOLE_OPTIONS, type ConsoleOptions } from '../console-options.js';
import { ConsoleExceptionFilter } from '../http/console-exception.filter.js';
import { badInput, ConsoleError, notFound } from '../http/console-errors.js';
import { redirectTo, sendPage } from '../http/console-reply.js';
import { page } from '../html/layout.js';
import { ConsentPreviewService } from './consent-preview.service.js';
import { selectionFromForm, type QueryValue } from './decision-form.js';
import type { ConsentExample } from './examples/consent-example.js';
import { examplesFor, type ServedSpecInfo } from './examples/consent-examples.js';
import { renderPreviewForm, renderPreviewResult, type DemoCustomer } from './preview.views.js';

/** The edited fields travel in the query string (the console's forms use GET): keep them well below URL limits. */
const MAX_FIELD_LENGTH = 12_000;
const PREVIEW_ID = /^[0-9a-f]{32}$/;

type Query = Readonly<Record<string, QueryValue>>;

const CUSTOMERS: readonly DemoCustomer[] = DEMO_BANK_DATA.customers.map(({ userId, displayName }) => ({
  userId,
  displayName,
}));

function single(value: QueryValue): string | undefined {
  return typeof value === 'string' ? value : value?.[0];
}

function parseJsonObject(field: string, raw: string | undefined): JsonRecord {
  if (raw === undefined || raw.trim() === '') {
    return {};
  }
  if (raw.length > MAX_FIELD_LENGTH) {
    throw badInput(`${field} is longer than ${MAX_FIELD_LENGTH} characters.`);
  }
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (error: unknown) {
    throw badInput(`${field} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!isJsonRecord(value)) {
    throw badInput(`${field} must be a JSON object.`);
  }
  return value;
}

/** The consent-screen preview: the form, the rendered page, and the customer's decision. */
@Controller('console/preview')
@ApiExcludeController()
@UseGuards(ConsoleAccessGuard)
@UseFilters(ConsoleExceptionFilter)
export class PreviewController {
  constructor(
    @Inject(CONSOLE_OPTIONS) private readonly options: ConsoleOptions,
    private readonly previews: ConsentPreviewService,
  ) {}

  @Get()
  async form(@Query() query: Query, @Res() reply: FastifyReply): Promise<void> {
    const chosen = this.example(single(query.example));
    const model = {
      served: this.catalogue(),
      chosen,
      customers: CUSTOMERS,
      userId: single(query.user) ?? CUSTOMERS[0].userId,
    };
    await sendPage(reply, page({ title: 'Consent screen', section: 'preview', body: renderPreviewForm(model) }));
  }

  @Get('run')
  async run(@Query() query: Query, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    assertSameOriginAction(request);
    const chosen = this.example(single(query.example));
    const userId = single(query.user) ?? '';
    // A consent pushed in the request object has no resource path or TPP headers on the form.
    const pushed = chosen.example.flow === 'pushed-authorization';
    const values = {
      resourcePath: pushed ? chosen.example.resourcePath : (single(query.resourcePath) ?? chosen.example.resourcePath),
      headers: pushed ? '{}' : (single(query.headers) ?? '{}'),
      body: single(query.body) ?? '{}',
    };
    let id: string;
    try {
      // Any id the identity server could send, not only the demo customers: a bank's own backend has its own.
      if (userId.trim() === '' || userId.length > 255) {
        throw badInput('Choose the customer who signs in.');
      }
      const headers = parseJsonObject('The TPP headers', values.headers);
      const nonText = Object.entries(headers).find(([, value]) => typeof value !== 'string');
      if (nonText !== undefined) {
        throw badInput(`The TPP header ${nonText[0]} must be a string.`);
      }
      const body = parseJsonObject('The request body', values.body);
      if (!/^[A-Za-z0-9._~!$&'()*+,;=:@/-]{1,300}$/.test(values.resourcePath)) {
        throw badInput('The consent resource path must be a URL path such as account-access-consents.');
      }
      id = await this.previews.start({
        spec: chosen.spec,
        example: chosen.example,
        userId,
        resourcePath: values.resourcePath,
        headers: headers as Record<string, string>,
        body,
      });
    } catch (error: unknown) {
      if (error instanceof ConsoleError) {
        const model = { served: this.catalogue(), chosen, customers: CUSTOMERS, userId, values, error: error.message };
        await sendPage(
          reply,
          page({ title: 'Consent screen', section: 'preview', body: renderPreviewForm(model) }),
          400,
        );
        return;
      }
      throw error;
    }
    await redirectTo(reply, `/console/preview/${id}`);
  }

  @Get(':id')
  async result(@Param('id') id: string, @Res() reply: FastifyReply): Promise<void> {
    const session = this.session(id);
    const customer = CUSTOMERS.find((candidate) => candidate.userId === session.userId)?.displayName ?? session.userId;
    await sendPage(
      reply,
      page({ title: 'Consent page preview', section: 'preview', body: renderPreviewResult(id, session, customer) }),
    );
  }

  @Get(':id/decide')
  async decide(
    @Param('id') id: string,
    @Query() query: Query,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    assertSameOriginAction(request);
    const session = this.session(id);
    const decision = single(query.decision);
    if (decision !== 'approve' && decision !== 'deny') {
      throw badInput('Approve or deny the consent with the buttons of the consent page.');
    }
    if (session.populateData === undefined) {
      throw badInput('This preview has no consent page to decide on.');
    }
    await this.previews.decide(session, decision === 'approve', selectionFromForm(session.populateData, query));
    await redirectTo(reply, `/console/preview/${id}#stored-consent`);
  }

  private session(id: string): NonNullable<ReturnType<ConsentPreviewService['find']>> {
    const session = PREVIEW_ID.test(id) ? this.previews.find(id) : undefined;
    if (session === undefined) {
      throw notFound('This preview is unknown or has expired (previews are kept for an hour). Start a new one.');
    }
    return session;
  }

  private catalogue(): { spec: ServedSpecInfo; examples: ConsentExample[] }[] {
    const now = Date.now();
    return this.options.served.map((spec) => ({ spec, examples: examplesFor(spec, this.options.served, now) }));
  }

  /** The example named `spec:id`, or the first example of the first served specification. */
  private example(key: string | undefined): { spec: string; example: ConsentExample } {
    const catalogue = this.catalogue();
    if (catalogue.length === 0) {
      throw notFound('The service serves no specification.');
    }
    if (key === undefined) {
      return { spec: catalogue[0].spec.id, example: catalogue[0].examples[0] };
    }
    const separator = key.indexOf(':');
    const entry = catalogue.find((candidate) => candidate.spec.id === key.slice(0, separator));
    const example = entry?.examples.find((candidate) => candidate.id === key.slice(separator + 1));
    if (entry === undefined || example === undefined) {
      throw notFound(`No example "${key}" for a served specification.`);
    }
    return { spec: entry.spec.id, example };
  }
}
