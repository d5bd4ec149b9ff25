/**
 * The one entry through which the React layer (src/react) imports core and dsp: everything of
 * the public `meterkit/core` entry, plus the few helpers components need that are not public
 * API (the option checks of dsp/validate). test/unit/layering-react.test.ts enforces it.
 *
 * Thread: whatever each export states.
 */
export * from './index';
export { checkNumber, checkInteger, checkOneOf, describeValue } from '../dsp/validate';
export { formatUnsignedTenths, READOUT_SILENT } from './render/bar';
export { THIRD_OCTAVE_BANDS } from '../dsp/octave-bands';
