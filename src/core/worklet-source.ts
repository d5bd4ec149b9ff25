/**
 * The worklet's source text, in its own lazily imported chunk so apps that load the worklet
 * file normally never download it twice.
 */
export { PROCESSOR_SOURCE } from 'virtual:meterkit-worklet-source';
