import { Controller, Get, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
  type HealthCheckResult,
} from '@nestjs/terminus';
import { HealthCheckFilter } from '../errors/health-check.filter.js';
import { SpecRegistry } from '../registry/spec-registry.js';

/** Liveness and readiness: the database answers and the specifications are loaded; 503 naming the check that fails. */
@Controller('health')
@ApiExcludeController()
@UseFilters(HealthCheckFilter)
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly registry: SpecRegistry,
  ) {}

  @Get()
  @HealthCheck()
  check(): Promise<HealthCheckResult> {
    return this.health.check([
      () => this.database.pingCheck('database', { timeout: 1500 }),
      () => {
        const specs = this.registry.servedSpecs().map((s) => s.plugin.id);
        const indicator = this.indicators.check('specifications');
        return specs.length > 0 ? indicator.up({ served: specs }) : indicator.down({ served: specs });
      },
    ]);
  }
}
