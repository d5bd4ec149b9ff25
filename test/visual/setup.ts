/**
 * Visual tests render stories through Storybook's portable stories (composeStories), with the
 * gallery's own project annotations (.storybook/preview), so a story looks the same in the
 * gallery and in its screenshot.
 */
import { beforeAll } from 'vitest';
import { setProjectAnnotations } from '@storybook/react-vite';
import * as previewAnnotations from '../../.storybook/preview';

const annotations = setProjectAnnotations([previewAnnotations]);
beforeAll(annotations.beforeAll);
