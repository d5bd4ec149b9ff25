// A diagnostic AudioWorkletProcessor with meterkit's topology (N inputs, no outputs) and an
// empty process(): what Chromium itself charges to hand N stereo inputs to JavaScript.
class NullProcessor extends AudioWorkletProcessor {
  process() {
    return true;
  }
}
registerProcessor('bench-null-processor', NullProcessor);
