import { Module, type DynamicModule } from '@nestjs/common';
import { ConsoleAccessGuard } from './access/console-access.guard.js';
import { CONSOLE_OPTIONS, type ConsoleOptions } from './console-options.js';
import { HomeController } from './home/home.controller.js';
import { JourneyRunsService } from './journeys/journey-runs.service.js';
import { JourneyController } from './journeys/journey.controller.js';
import type { ServedSpecInfo } from './preview/examples/consent-examples.js';
import { ConsentPreviewService } from './preview/consent-preview.service.js';
import { PreviewController } from './preview/preview.controller.js';
import { SelfClientFactory } from './service/self-client.factory.js';
import type { ConsoleSettings } from './settings/console-settings.js';
import { AuditTrailLookup } from './trace/audit-trail-lookup.js';
import { TraceController } from './trace/trace.controller.js';

/**
 * The integrator console at /console: the consent-screen preview, the journey runner and the decision trace. It
 * needs the platform (global: its configuration and audit trail) and the persistence module (global: the
 * DataSource). With CONSOLE=off it registers nothing, so no console route exists at all.
 */
@Module({})
export class ConsoleModule {
  static forRoot(settings: ConsoleSettings, served: readonly ServedSpecInfo[]): DynamicModule {
    if (settings.mode === 'off') {
      return { module: ConsoleModule };
    }
    const options: ConsoleOptions = {
      settings,
      served: served.map(({ id, title, extends: base }) => ({
        id,
        title,
        ...(base === undefined ? {} : { extends: base }),
      })),
    };
    return {
      module: ConsoleModule,
      controllers: [HomeController, PreviewController, JourneyController, TraceController],
      providers: [
        { provide: CONSOLE_OPTIONS, useValue: options },
        ConsoleAccessGuard,
        SelfClientFactory,
        ConsentPreviewService,
        JourneyRunsService,
        AuditTrailLookup,
      ],
    };
  }
}
