;; The WebAssembly SIMD scan of the level kernel (see src/dsp/level-kernel-wasm.ts): for groups
;; of 8 channels at once, the same per-sample arithmetic as the JavaScript kernel's fast pass
;; (LevelMeter.fastChunk in level-meter.ts), one lane per channel, in the same order:
;;
;;   a = |x|;  segMax = a > segMax ? a : segMax;        (f32x4.pmax: exactly JS's `if (a > m)`)
;;   decay = decay * k;  decay = a > decay ? a : decay; (f64x2.mul then f64x2.pmax)
;;   acc = acc + x * x;                                 (f64x2.mul then f64x2.add, no FMA)
;;   after every `slot` samples: the sub-block sum acc is stored and acc restarts at 0.
;;
;; Lanes are channels, never consecutive samples, so every lane does exactly the scalar
;; sequence: the results are bit-identical to the JavaScript kernel's (float32 samples promote
;; exactly to f64; pmax is the IEEE comparison JS does, NaN included).
;;
;; Built from this file by scripts/build-level-wasm.mjs (wabt) at build time.
;;
;; Memory (byte offsets passed in by the caller, all 16-byte aligned; `lanes` = channels padded
;; to a multiple of 8):
;;   in   f32 [lanes][frames]   the samples, channel-major
;;   dec  f64 [lanes]           decaying peak: in before the call, out after it
;;   acc  f64 [lanes]           running sub-block sum: in, out
;;   seg  f64 [lanes]           out: max |x| over the block
;;   sums f64 [done][lanes]     out: the sub-block sums completed in the block, in order
;; `fill` is the samples already in the running sub-block (shared by every channel: the meters
;; of one engine advance in lockstep). Returns `done`, the number of completed sub-blocks.
(module
  (memory (export "memory") 1)
  (func (export "scan")
    (param $in i32) (param $dec i32) (param $acc i32) (param $seg i32) (param $sums i32)
    (param $lanes i32) (param $frames i32) (param $k f64) (param $slot i32) (param $fill0 i32)
    (result i32)
    (local $g i32) (local $p i32) (local $stride i32) (local $j i32) (local $end i32)
    (local $fill i32) (local $done i32) (local $o i32) (local $sumRow i32) (local $v i32)
    (local $kk v128) (local $x v128) (local $y v128) (local $a v128) (local $b v128)
    (local $m0 v128) (local $m1 v128)
    (local $d0 v128) (local $d1 v128) (local $d2 v128) (local $d3 v128)
    (local $s0 v128) (local $s1 v128) (local $s2 v128) (local $s3 v128)
    (local.set $kk (f64x2.splat (local.get $k)))
    (local.set $stride (i32.shl (local.get $frames) (i32.const 2)))
    (local.set $sumRow (i32.shl (local.get $lanes) (i32.const 3)))
    (local.set $g (i32.const 0))
    (block $groupsDone
      (loop $groups
        (br_if $groupsDone (i32.ge_u (local.get $g) (local.get $lanes)))
        ;; o = byte offset of this group's first f64 lane
        (local.set $o (i32.shl (local.get $g) (i32.const 3)))
        (local.set $d0 (v128.load (i32.add (local.get $dec) (local.get $o))))
        (local.set $d1 (v128.load offset=16 (i32.add (local.get $dec) (local.get $o))))
        (local.set $d2 (v128.load offset=32 (i32.add (local.get $dec) (local.get $o))))
        (local.set $d3 (v128.load offset=48 (i32.add (local.get $dec) (local.get $o))))
        (local.set $s0 (v128.load (i32.add (local.get $acc) (local.get $o))))
        (local.set $s1 (v128.load offset=16 (i32.add (local.get $acc) (local.get $o))))
        (local.set $s2 (v128.load offset=32 (i32.add (local.get $acc) (local.get $o))))
        (local.set $s3 (v128.load offset=48 (i32.add (local.get $acc) (local.get $o))))
        (local.set $m0 (v128.const i32x4 0 0 0 0))
        (local.set $m1 (v128.const i32x4 0 0 0 0))
        (local.set $fill (local.get $fill0))
        (local.set $done (i32.const 0))
        (local.set $j (i32.const 0))
        ;; p = address of sample 0 of the group's first channel
        (local.set $p (i32.add (local.get $in) (i32.mul (local.get $g) (local.get $stride))))
        (block $samplesDone
          (loop $segments
            (br_if $samplesDone (i32.ge_u (local.get $j) (local.get $frames)))
            ;; end = min(j + slot - fill, frames): the samples left in this sub-block
            (local.set $end (i32.sub (i32.add (local.get $j) (local.get $slot)) (local.get $fill)))
            (if (i32.gt_u (local.get $end) (local.get $frames)) (then (local.set $end (local.get $frames))))
            (local.set $fill (i32.add (local.get $fill) (i32.sub (local.get $end) (local.get $j))))
            (loop $samples
              ;; gather sample j of channels g .. g+7 (x: lanes 0-3, y: lanes 4-7)
              (local.set $v (i32.add (local.get $p) (i32.shl (local.get $j) (i32.const 2))))
              (local.set $x (v128.load32_zero (local.get $v)))
              (local.set $v (i32.add (local.get $v) (local.get $stride)))
              (local.set $x (v128.load32_lane 1 (local.get $v) (local.get $x)))
              (local.set $v (i32.add (local.get $v) (local.get $stride)))
              (local.set $x (v128.load32_lane 2 (local.get $v) (local.get $x)))
              (local.set $v (i32.add (local.get $v) (local.get $stride)))
              (local.set $x (v128.load32_lane 3 (local.get $v) (local.get $x)))
              (local.set $v (i32.add (local.get $v) (local.get $stride)))
              (local.set $y (v128.load32_zero (local.get $v)))
              (local.set $v (i32.add (local.get $v) (local.get $stride)))
              (local.set $y (v128.load32_lane 1 (local.get $v) (local.get $y)))
              (local.set $v (i32.add (local.get $v) (local.get $stride)))
              (local.set $y (v128.load32_lane 2 (local.get $v) (local.get $y)))
              (local.set $v (i32.add (local.get $v) (local.get $stride)))
              (local.set $y (v128.load32_lane 3 (local.get $v) (local.get $y)))
              (local.set $x (f32x4.abs (local.get $x)))
              (local.set $y (f32x4.abs (local.get $y)))
              (local.set $m0 (f32x4.pmax (local.get $m0) (local.get $x)))
              (local.set $m1 (f32x4.pmax (local.get $m1) (local.get $y)))
              ;; lanes 0-1, 2-3 of x and of y as f64
              (local.set $a (f64x2.promote_low_f32x4 (local.get $x)))
              (local.set $b (f64x2.promote_low_f32x4
                (i8x16.shuffle 8 9 10 11 12 13 14 15 8 9 10 11 12 13 14 15 (local.get $x) (local.get $x))))
              (local.set $d0 (f64x2.pmax (f64x2.mul (local.get $d0) (local.get $kk)) (local.get $a)))
              (local.set $d1 (f64x2.pmax (f64x2.mul (local.get $d1) (local.get $kk)) (local.get $b)))
              (local.set $s0 (f64x2.add (local.get $s0) (f64x2.mul (local.get $a) (local.get $a))))
              (local.set $s1 (f64x2.add (local.get $s1) (f64x2.mul (local.get $b) (local.get $b))))
              (local.set $a (f64x2.promote_low_f32x4 (local.get $y)))
              (local.set $b (f64x2.promote_low_f32x4
                (i8x16.shuffle 8 9 10 11 12 13 14 15 8 9 10 11 12 13 14 15 (local.get $y) (local.get $y))))
              (local.set $d2 (f64x2.pmax (f64x2.mul (local.get $d2) (local.get $kk)) (local.get $a)))
              (local.set $d3 (f64x2.pmax (f64x2.mul (local.get $d3) (local.get $kk)) (local.get $b)))
              (local.set $s2 (f64x2.add (local.get $s2) (f64x2.mul (local.get $a) (local.get $a))))
              (local.set $s3 (f64x2.add (local.get $s3) (f64x2.mul (local.get $b) (local.get $b))))
              (local.set $j (i32.add (local.get $j) (i32.const 1)))
              (br_if $samples (i32.lt_u (local.get $j) (local.get $end))))
            ;; a completed sub-block: store its sums (row `done`), restart the running sums
            (if (i32.eq (local.get $fill) (local.get $slot))
              (then
                (local.set $v (i32.add (i32.add (local.get $sums) (local.get $o))
                  (i32.mul (local.get $done) (local.get $sumRow))))
                (v128.store (local.get $v) (local.get $s0))
                (v128.store offset=16 (local.get $v) (local.get $s1))
                (v128.store offset=32 (local.get $v) (local.get $s2))
                (v128.store offset=48 (local.get $v) (local.get $s3))
                (local.set $s0 (v128.const i32x4 0 0 0 0))
                (local.set $s1 (v128.const i32x4 0 0 0 0))
                (local.set $s2 (v128.const i32x4 0 0 0 0))
                (local.set $s3 (v128.const i32x4 0 0 0 0))
                (local.set $fill (i32.const 0))
                (local.set $done (i32.add (local.get $done) (i32.const 1)))))
            (br $segments)))
        (v128.store (i32.add (local.get $dec) (local.get $o)) (local.get $d0))
        (v128.store offset=16 (i32.add (local.get $dec) (local.get $o)) (local.get $d1))
        (v128.store offset=32 (i32.add (local.get $dec) (local.get $o)) (local.get $d2))
        (v128.store offset=48 (i32.add (local.get $dec) (local.get $o)) (local.get $d3))
        (v128.store (i32.add (local.get $acc) (local.get $o)) (local.get $s0))
        (v128.store offset=16 (i32.add (local.get $acc) (local.get $o)) (local.get $s1))
        (v128.store offset=32 (i32.add (local.get $acc) (local.get $o)) (local.get $s2))
        (v128.store offset=48 (i32.add (local.get $acc) (local.get $o)) (local.get $s3))
        (v128.store (i32.add (local.get $seg) (local.get $o)) (f64x2.promote_low_f32x4 (local.get $m0)))
        (v128.store offset=16 (i32.add (local.get $seg) (local.get $o)) (f64x2.promote_low_f32x4
          (i8x16.shuffle 8 9 10 11 12 13 14 15 8 9 10 11 12 13 14 15 (local.get $m0) (local.get $m0))))
        (v128.store offset=32 (i32.add (local.get $seg) (local.get $o)) (f64x2.promote_low_f32x4 (local.get $m1)))
        (v128.store offset=48 (i32.add (local.get $seg) (local.get $o)) (f64x2.promote_low_f32x4
          (i8x16.shuffle 8 9 10 11 12 13 14 15 8 9 10 11 12 13 14 15 (local.get $m1) (local.get $m1))))
        (local.set $g (i32.add (local.get $g) (i32.const 8)))
        (br $groups)))
    (local.get $done)))
