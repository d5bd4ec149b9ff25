// A component test under Jest's default CommonJS mode: meterkit's CommonJS build, rendered
// with React's server renderer (no DOM needed; canvases paint only in a browser).
const { createElement } = require('react');
const { renderToStaticMarkup } = require('react-dom/server');
const { LedMeter, MeterBridge } = require('meterkit');
const { dbFromLinear } = require('meterkit/dsp');

test('meterkit resolves to its CommonJS build', () => {
  expect(require.resolve('meterkit')).toMatch(/[/\\]dist[/\\]index\.cjs$/);
});

test('LedMeter renders an accessible meter that reads "silent" before any audio', () => {
  const html = renderToStaticMarkup(createElement(LedMeter, { source: null, track: 0, label: 'Vox' }));
  expect(html).toContain('role="meter"');
  expect(html).toContain('aria-label="Vox"');
  expect(html).toContain('aria-valuetext="silent"');
});

test('MeterBridge renders one labelled meter per track', () => {
  const html = renderToStaticMarkup(createElement(MeterBridge, { source: null, tracks: 2, labels: ['Tone', 'Mic'] }));
  expect(html.match(/role="meter"/g)).toHaveLength(2);
  expect(html).toContain('aria-label="Tone level"');
  expect(html).toContain('aria-label="Mic level"');
});

test('meterkit/dsp: a gain of 0.25 is -12.04 dBFS', () => {
  expect(dbFromLinear(0.25)).toBeCloseTo(-12.041, 3);
});
