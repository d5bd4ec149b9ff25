declare module 'virtual:meterkit-worklet-source' {
  /** The metering worklet as one self-contained script (generated at build time). */
  export const PROCESSOR_SOURCE: string;
}
