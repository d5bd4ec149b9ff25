/**
 * `meterkit` — the React layer, plus everything from `meterkit/core`.
 */
export * from './core/index';
