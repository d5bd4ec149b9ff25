// The same component test under Jest's ESM mode: meterkit's ES module build, rendered
// with React's server renderer (no DOM needed; canvases paint only in a browser).
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { LedMeter, MeterBridge } from 'meterkit';
import { dbFromLinear } from 'meterkit/dsp';

test('meterkit resolves to its ES module build', () => {
  expect(import.meta.resolve('meterkit')).toMatch(/\/dist\/index\.js$/);
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
