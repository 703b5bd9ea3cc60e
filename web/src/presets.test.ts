import { describe, expect, it } from 'vitest';
import { EMPTY_FILTERS } from './filters';
import { mergePreset, type Preset } from './presets';

const p = (id: string, name: string): Preset => ({ id, name, view: null, filters: EMPTY_FILTERS });

describe('mergePreset', () => {
  it('adds a new preset in name order, ignoring case', () => {
    expect(mergePreset([p('1', 'alpha'), p('2', 'Gamma')], p('3', 'Beta')).map((x) => x.name)).toEqual(['alpha', 'Beta', 'Gamma']);
  });
  it('replaces the preset with the same id', () => {
    expect(mergePreset([p('1', 'alpha'), p('2', 'beta')], p('1', 'ALPHA'))).toEqual([p('1', 'ALPHA'), p('2', 'beta')]);
  });
});
