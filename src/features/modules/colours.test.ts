import { describe, expect, it } from 'vitest';
import { contrastRatio } from './colours.js';
import { listKinds, MODULE_META, MODULES } from './registry.js';

describe('module colours', () => {
  it('computes WCAG contrast ratios', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBeCloseTo(1, 5);
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });

  it('keeps white text readable on every module colour (WCAG AA, 4.5:1)', () => {
    for (const m of MODULES) expect(contrastRatio(MODULE_META[m].colour, '#ffffff'), m).toBeGreaterThanOrEqual(4.5);
  });

  it('gives modules distinct colours and each kind its module colour', () => {
    expect(new Set(MODULES.map((m) => MODULE_META[m].colour)).size).toBe(MODULES.length);
    for (const k of listKinds()) expect(k.colour).toBe(MODULE_META[k.module].colour);
  });
});
