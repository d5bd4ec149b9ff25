import { describe, it, expect } from 'vitest';
import { dbFromLinear, linearFromDb, dbFromPower } from '../../src/dsp/db';

describe('dB conversions', () => {
  it('maps the boundary values', () => {
    expect(dbFromLinear(0)).toBe(-Infinity);
    expect(dbFromLinear(-0)).toBe(-Infinity);
    expect(dbFromLinear(1)).toBe(0);
    expect(dbFromLinear(Infinity)).toBe(Infinity);
    expect(dbFromLinear(NaN)).toBeNaN();
    expect(linearFromDb(-Infinity)).toBe(0);
    expect(linearFromDb(0)).toBe(1);
    expect(dbFromPower(0)).toBe(-Infinity);
  });

  it('uses 20·log10 for amplitudes', () => {
    expect(dbFromLinear(0.5)).toBeCloseTo(-6.0206, 4);
    expect(dbFromLinear(-0.5)).toBeCloseTo(-6.0206, 4);
    expect(dbFromLinear(10)).toBeCloseTo(20, 12);
    expect(linearFromDb(-20)).toBeCloseTo(0.1, 12);
    expect(dbFromPower(0.5)).toBeCloseTo(-3.0103, 4);
  });

  it('round-trips', () => {
    for (const db of [-120, -60, -18, -6, -0.1, 0, 3, 24]) expect(dbFromLinear(linearFromDb(db))).toBeCloseTo(db, 10);
  });
});
