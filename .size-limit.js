/**
 * Size budgets (min + gzip, with every dependency except React) of what an app ships, per
 * entry. Budgets are about 10 % above the sizes measured when they were set; docs/packaging.md
 * lists the measured sizes. `npm test` runs `size-limit` (through `npm run check`).
 *
 * The library entries are measured as an ES module (as bundlers ship them), with the lazily
 * imported embedded worklet copy (dist/worklet-source-*.js, fetched only when the worklet
 * file cannot be loaded) left out: it is its own entry below, as the worklet file.
 */
const lib = {
  ignore: ['react', 'react-dom'],
  gzip: true,
  modifyEsbuildConfig(config) {
    return { ...config, format: 'esm', external: [...(config.external ?? []), './worklet-source-*'] };
  },
};

export default [
  { ...lib, name: 'meterkit: { MeterBridge }', path: 'dist/index.js', import: '{ MeterBridge }', limit: '26.4 kB' },
  { ...lib, name: 'meterkit: quick start (MeterBridge + useMeterEngine)', path: 'dist/index.js', import: '{ MeterBridge, useMeterEngine }', limit: '39 kB' },
  { ...lib, name: 'meterkit/dsp (everything)', path: 'dist/dsp.js', limit: '17.7 kB' },
  { name: 'meterkit/worklet (dist/worklet/processor.js)', path: 'dist/worklet/processor.js', gzip: true, limit: '26 kB' },
  { name: 'meterkit/render-worker (dist/render-worker.js)', path: 'dist/render-worker.js', gzip: true, limit: '23.2 kB' },
];
