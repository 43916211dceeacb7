import { Injectable } from '@nestjs/common';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** How a call ended: a business answer, a malformed call (400/404), or a fault of the service (500). */
export type CallOutcome = 'success' | 'error' | 'invalid' | 'fault';

/**
 * Prometheus metrics per specification and extension point. Each application instance has its own registry, so that
 * several instances in one process (tests) never share counters.
 */
@Injectable()
export class ExtensionMetrics {
  readonly registry = new Registry();
  private readonly requests: Counter<'spec' | 'extension' | 'outcome'>;
  private readonly duration: Histogram<'spec' | 'extension' | 'outcome'>;

  constructor() {
    collectDefaultMetrics({ register: this.registry });
    this.requests = new Counter({
      name: 'extension_requests_total',
      help: 'Extension calls by specification, extension point and outcome.',
      labelNames: ['spec', 'extension', 'outcome'],
      registers: [this.registry],
    });
    this.duration = new Histogram({
      name: 'extension_request_duration_seconds',
      help: 'Time to answer an extension call, from parsed body to answer.',
      labelNames: ['spec', 'extension', 'outcome'],
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [this.registry],
    });
  }

  observe(spec: string, extension: string, outcome: CallOutcome, seconds: number): void {
    this.requests.inc({ spec, extension, outcome });
    this.duration.observe({ spec, extension, outcome }, seconds);
  }

  render(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
