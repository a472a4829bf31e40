import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/**
 * The process's Prometheus metrics. One registry per process (one scrape target per instance);
 * the job runner and the HTTP app record into it, `GET /metrics` serves it.
 */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry, prefix: 'satudata_' });

export const httpDuration = new Histogram({
  name: 'satudata_http_request_duration_seconds',
  help: 'HTTP request latency by route pattern, method and status',
  labelNames: ['route', 'method', 'status'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  registers: [metricsRegistry],
});

export const jobDuration = new Histogram({
  name: 'satudata_job_duration_seconds',
  help: 'Background job run time by kind and outcome',
  labelNames: ['kind', 'outcome'] as const,
  buckets: [0.05, 0.25, 1, 5, 15, 60, 300, 1800],
  registers: [metricsRegistry],
});

export const ingestRows = new Counter({
  name: 'satudata_ingest_rows_total',
  help: 'Rows read by ingest jobs, as their progress reports count them',
  registers: [metricsRegistry],
});

/** Gauges filled at scrape time by the app (queue depth, pool use). */
export const jobQueueDepth = new Gauge({
  name: 'satudata_job_queue_depth',
  help: 'Jobs in the queue by state',
  labelNames: ['state'] as const,
  registers: [metricsRegistry],
});

export const dbPoolConnections = new Gauge({
  name: 'satudata_db_pool_connections',
  help: 'PostgreSQL pool connections by state (total, idle, waiting requests)',
  labelNames: ['state'] as const,
  registers: [metricsRegistry],
});
