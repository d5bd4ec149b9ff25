'use client';
/**
 * `meterkit` — the React layer (hooks and components), plus everything from `meterkit/core`.
 */
export * from './react/index';
export * from './core/index';
