import { Controller, Get, Inject, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ConsoleAccessGuard } from '../access/console-access.guard.js';
import { CONSOLE_OPTIONS, type ConsoleOptions } from '../console-options.js';
import { ConsoleExceptionFilter } from '../http/console-exception.filter.js';
import { sendPage, sendStylesheet } from '../http/console-reply.js';
import { html } from '../html/html.js';
import { page } from '../html/layout.js';
import { CONSOLE_STYLESHEET } from './console-stylesheet.js';

/** The console's overview page and its stylesheet. */
@Controller('console')
@ApiExcludeController()
@UseGuards(ConsoleAccessGuard)
@UseFilters(ConsoleExceptionFilter)
export class HomeController {
  constructor(@Inject(CONSOLE_OPTIONS) private readonly options: ConsoleOptions) {}

  @Get()
  async overview(@Res() reply: FastifyReply): Promise<void> {
    const access =
      this.options.settings.mode === 'on'
        ? 'any address, with the console credentials (CONSOLE=on)'
        : 'browsers on this machine only (CONSOLE=loopback)';
    const body = html`<p class="lead">Tools for bank integration teams, served by this extension service. Open to ${access}.</p>
<ul>
  <li><a href="/console/preview">Consent screen</a>: what the customer sees on the consent page for a TPP's request, then approve or deny it.</li>
  <li><a href="/console/journeys">Journeys</a>: run the identity-server simulator's journey of a specification, each call with the contract matcher's verdict.</li>
  <li><a href="/console/trace">Decision trace</a>: every decision on a requestId or a consent, newest first, with the metrics of its point.</li>
</ul>
<h2>Served specifications</h2>
<table>
  <caption>Path segments the identity server's base_url can name</caption>
  <thead><tr><th scope="col">Id</th><th scope="col">Title</th><th scope="col">Derives from</th><th scope="col">Points</th></tr></thead>
  <tbody>${this.options.served.map(
    (spec) =>
      html`<tr><td><code>/${spec.id}</code></td><td>${spec.title}</td><td>${spec.extends ?? '-'}</td><td><a href="/${spec.id}">where each point is answered</a></td></tr>`,
  )}</tbody>
</table>
<p>The contract of the extension points: <a href="/docs">OpenAPI documentation</a>. Checking another implementation: <code>npm run conformance -- --base-url URL --spec uk</code>.</p>`;
    await sendPage(reply, page({ title: 'Integrator console', section: 'overview', body }));
  }

  @Get('assets/console.css')
  async stylesheet(@Res() reply: FastifyReply): Promise<void> {
    await sendStylesheet(reply, CONSOLE_STYLESHEET);
  }
}
