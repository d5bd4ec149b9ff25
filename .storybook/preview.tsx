/**
 * Gallery-wide story settings: the dark/light theme switch (toolbar, `<MeterProvider theme>`) for the component and demo
 * stories, and controls/docs defaults. Frozen stories (tag `frozen`) carry their own theme and
 * are left alone, so the visual tests see exactly what the gallery shows.
 */
import type { Decorator, Preview } from '@storybook/react-vite';
import { themeStyle, type ThemeName } from '../stories/support/themes';
import { configureRenderWorker, MeterProvider } from '../src/index';
import { RENDER_WORKER_URL } from '../stories/support/worklet';

// The gallery runs meterkit from src/: tell it where the render worker built from src/ is.
configureRenderWorker({ url: RENDER_WORKER_URL });

const withTheme: Decorator = (Story, context) => {
  if (context.tags.includes('frozen')) return <Story />;
  const theme = (context.globals.theme ?? 'dark') as ThemeName;
  return (
    <div
      data-theme-page={theme}
      style={{
        ...themeStyle(theme),
        padding: 16,
        minHeight: context.viewMode === 'docs' ? undefined : '100vh',
        boxSizing: 'border-box',
        font: '13px system-ui, sans-serif',
      }}
    >
      <MeterProvider theme={theme}>
        <Story />
      </MeterProvider>
    </div>
  );
};

const preview: Preview = {
  decorators: [withTheme],
  globalTypes: {
    theme: {
      description: 'Meter theme (<MeterProvider theme>: the built-in dark and light palettes)',
      toolbar: { title: 'Theme', icon: 'mirror', items: ['dark', 'light'], dynamicTitle: true },
    },
  },
  initialGlobals: { theme: 'dark' },
  parameters: {
    layout: 'fullscreen',
    controls: { expanded: true, sort: 'requiredFirst' },
    docs: { codePanel: true },
    options: {
      storySort: { order: ['Introduction', 'Components', 'Demos', 'Frozen'] },
    },
  },
};

export default preview;
