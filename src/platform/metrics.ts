import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';

/** One Prometheus registry per app instance (tests build several apps in one process). */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const httpDuration = new Histogram({
    name: 'storepilot_http_request_duration_seconds',
    help: 'HTTP request duration by route and status class',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  const jobsProcessed = new Counter({
    name: 'storepilot_jobs_processed_total',
    help: 'Jobs finished by name and outcome',
    labelNames: ['name', 'outcome'] as const,
    registers: [registry],
  });
  return { registry, httpDuration, jobsProcessed };
}

export type Metrics = ReturnType<typeof createMetrics>;
