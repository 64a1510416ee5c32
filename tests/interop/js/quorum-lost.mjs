// Reports a 3-node Azure Local cluster that has lost quorum, using the OpenTelemetry JavaScript SDK
// (not ours): the endpoint comes from OTEL_EXPORTER_OTLP_ENDPOINT as with any SDK.
// Usage: OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:9480 node quorum-lost.mjs [cluster]
import { MeterProvider, PeriodicExportingMetricReader } from '@opentelemetry/sdk-metrics';
import { OTLPMetricExporter } from '@opentelemetry/exporter-metrics-otlp-proto';
import { resourceFromAttributes } from '@opentelemetry/resources';

const cluster = process.argv[2] ?? 'js-cluster';
const reader = new PeriodicExportingMetricReader({ exporter: new OTLPMetricExporter(), exportIntervalMillis: 60000 });
const provider = new MeterProvider({
  resource: resourceFromAttributes({ 'service.name': 'js-interop', 'azlocal.cluster': cluster, 'host.name': 'node-1' }),
  readers: [reader],
});
const meter = provider.getMeter('azlocal-js-interop');

const nodeStates = ['up', 'down', 'paused', 'joining', 'unknown'];
const current = { 'node-1': 'up', 'node-2': 'down', 'node-3': 'down' };
meter.createObservableGauge('azlocal.node.state').addCallback((result) => {
  for (const [node, state] of Object.entries(current)) {
    for (const s of nodeStates) result.observe(s === state ? 1 : 0, { node, state: s });
  }
});
meter.createObservableGauge('azlocal.cluster.quorum').addCallback((result) => result.observe(0));
meter.createObservableGauge('azlocal.cluster.votes.configured', { unit: '{vote}' }).addCallback((result) => result.observe(3));
meter.createObservableGauge('azlocal.cluster.votes.present', { unit: '{vote}' }).addCallback((result) => result.observe(1));
meter.createObservableGauge('azlocal.node.cpu.utilization', { unit: '1' }).addCallback((result) => result.observe(0.37));

await provider.forceFlush();
console.log(`exported ${Date.now()}`);
await provider.shutdown();
