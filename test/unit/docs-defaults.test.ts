/**
 * The gallery's prop tables come from react-docgen-typescript (the same parser and options as
 * .storybook/main.ts): every optional prop a component documents shows its default there —
 * from an `@default` tag — except those that have none (className, style, callbacks, colours
 * overriding nothing). A prop added without its default fails here, not in a reader's docs.
 */
import { describe, it, expect } from 'vitest';
import path from 'node:path';
import { withCompilerOptions } from 'react-docgen-typescript';

const root = path.resolve(__dirname, '../..');
const FILES = [
  'LedMeter',
  'PeakHoldMeter',
  'MeterBridge',
  'MeterScale',
  'ClipIndicator',
  'LoudnessMeter',
  'CorrelationMeter',
  'Goniometer',
  'SpectrumMeter',
  'MeterStatus',
].map((n) => path.join(root, 'src/react', `${n}.tsx`));
/** Props with no default by nature. */
const NO_DEFAULT = new Set(['className', 'style', 'onReset', 'onStatus', 'scope', 'spectrum', 'ref', 'key']);

describe('prop tables show defaults', () => {
  const parser = withCompilerOptions(
    { jsx: 4 /* react-jsx */, module: 99 /* ESNext */, target: 99, moduleResolution: 100 /* bundler */, strict: true, skipLibCheck: true },
    {
      shouldExtractLiteralValuesFromEnum: true,
      shouldRemoveUndefinedFromOptional: true,
      propFilter: (prop) => !prop.parent || !/node_modules/.test(prop.parent.fileName),
    },
  );
  const docs = parser.parse(FILES);

  it('finds every component', () => {
    expect(docs.map((d) => d.displayName).sort()).toEqual(
      [
        'ClipIndicator',
        'CorrelationMeter',
        'Goniometer',
        'LedMeter',
        'LoudnessMeter',
        'MeterBridge',
        'MeterScale',
        'MeterStatus',
        'PeakHoldMeter',
        'SpectrumMeter',
      ].sort(),
    );
  });

  for (const doc of docs) {
    it(`${doc.displayName}: every optional prop has a default`, () => {
      const props = Object.values(doc.props);
      expect(props.length).toBeGreaterThan(5);
      const missing = props
        .filter((p) => !p.required && !NO_DEFAULT.has(p.name) && (p.defaultValue === null || p.defaultValue === undefined))
        .map((p) => p.name);
      expect(missing).toEqual([]);
      // The theme prop is documented on every canvas component.
      if (doc.displayName !== 'MeterStatus') expect(doc.props.theme?.defaultValue?.value).toMatch(/dark/);
    });
  }
});
