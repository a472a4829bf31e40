// One autocannon run in a worker thread, so the load generator does not share the event loop
// of the servers under test. Records every response time to report p50/p95/p99 exactly
// (autocannon's own summary has no p95).
import { parentPort, workerData } from 'node:worker_threads';
import autocannon from 'autocannon';

const { url, paths, connections, duration, warmup } = workerData;
const requests = paths.map((path) => ({ method: 'GET', path }));

function fire(seconds, record) {
  return new Promise((resolve, reject) => {
    const times = [];
    const statuses = {};
    const instance = autocannon({ url, connections, duration: seconds, requests }, (err, result) =>
      err ? reject(err) : resolve({ result, times, statuses }),
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
      if (record) times.push(responseTime);
    });
  });
}

if (warmup > 0) await fire(warmup, false);
const { result, times, statuses } = await fire(duration, true);
times.sort((a, b) => a - b);
const pct = (p) =>
  times.length ? times[Math.min(times.length - 1, Math.ceil((p / 100) * times.length) - 1)] : 0;
parentPort.postMessage({
  // result.requests is shadowed by the `requests` option in autocannon's result: count ourselves.
  requests: times.length,
  seconds: result.duration,
  rps: times.length / result.duration,
  p50: pct(50),
  p95: pct(95),
  p99: pct(99),
  non2xx: result.non2xx,
  errors: result.errors + result.timeouts,
  statuses,
});
