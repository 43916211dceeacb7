import { Controller, Get, Inject, Param, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { JOURNEYS } from '@app/testing';
import { assertSameOriginAction, ConsoleAccessGuard } from '../access/console-access.guard.js';
import { CONSOLE_OPTIONS, type ConsoleOptions } from '../console-options.js';
import { badInput, notFound } from '../http/console-errors.js';
import { ConsoleExceptionFilter } from '../http/console-exception.filter.js';
import { redirectTo, sendPage } from '../http/console-reply.js';
import { page } from '../html/layout.js';
import { catalogueOf } from '../preview/examples/consent-examples.js';
import { JourneyRunsService } from './journey-runs.service.js';
import { renderJourneyForm, renderJourneyRun, type JourneyChoice } from './journey.views.js';

const RUN_ID = /^[0-9a-f]{32}$/;

/** The journey runner: choose a served specification, run its journey, read each step. */
@Controller('console/journeys')
@ApiExcludeController()
@UseGuards(ConsoleAccessGuard)
@UseFilters(ConsoleExceptionFilter)
export class JourneyController {
  constructor(
    @Inject(CONSOLE_OPTIONS) private readonly options: ConsoleOptions,
    private readonly runs: JourneyRunsService,
  ) {}

  @Get()
  async form(@Query('spec') spec: string | undefined, @Res() reply: FastifyReply): Promise<void> {
    await sendPage(
      reply,
      page({ title: 'Journeys', section: 'journeys', body: renderJourneyForm(this.choices(), spec) }),
    );
  }

  @Get('run')
  async run(
    @Query('spec') spec: string | undefined,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    assertSameOriginAction(request);
    const choice = this.choices().find((candidate) => candidate.spec === spec);
    if (choice === undefined) {
      throw badInput('Choose a served specification.');
    }
    const id = await this.runs.run(choice.spec, choice.journeySpec);
    await redirectTo(reply, `/console/journeys/${id}`);
  }

  @Get(':id')
  async show(@Param('id') id: string, @Res() reply: FastifyReply): Promise<void> {
    const run = RUN_ID.test(id) ? this.runs.find(id) : undefined;
    if (run === undefined) {
      throw notFound('This run is unknown or has expired (runs are kept for an hour).');
    }
    await sendPage(
      reply,
      page({ title: `Journey ${run.run.journey} on /${run.spec}`, section: 'journeys', body: renderJourneyRun(run) }),
    );
  }

  private choices(): JourneyChoice[] {
    return this.options.served.map((spec) => {
      const journeySpec = catalogueOf(spec, this.options.served);
      const journey = JOURNEYS[journeySpec];
      return {
        spec: spec.id,
        title: spec.title,
        journeySpec,
        description: journey.description,
        steps: journey.stepNames.length,
      };
    });
  }
}
