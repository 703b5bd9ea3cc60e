/** The colour roles of styles/theme.css meet WCAG 2.1 AA in both themes, and the choice resolves as people expect. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resolveTheme } from './theme';

const css = readFileSync(new URL('../styles/theme.css', import.meta.url), 'utf8');

function rolesOf(selector: string): Record<string, string> {
  const start = css.indexOf(`${selector} {`);
  const block = css.slice(start, css.indexOf('}', start));
  return Object.fromEntries([...block.matchAll(/--([\w-]+):\s*(#[0-9a-f]{6})\s*;/gi)].map((m) => [m[1]!, m[2]!.toLowerCase()]));
}

const light = rolesOf(':root');
const THEMES = { light, dark: { ...light, ...rolesOf(":root[data-theme='dark']") } };

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
};

const MODULES = ['coordination', 'mana', 'staff', 'policy', 'planning', 'community', 'general'];
const TEXT = 4.5;
const GRAPHIC = 3;

/** [foreground, background, minimum] pairs that someone has to read or see. */
const PAIRS: Array<[string, string, number]> = [
  ...['surface', 'surface-2', 'canvas'].flatMap((bg): Array<[string, string, number]> => [['text', bg, TEXT], ['muted', bg, TEXT], ['primary', bg, TEXT], ['danger', bg, TEXT], ['focus', bg, GRAPHIC], ['control-border', bg, GRAPHIC]]),
  ['on-primary', 'primary', TEXT], ['on-primary', 'primary-hover', TEXT], ['on-primary-soft', 'primary-soft', TEXT],
  ['on-danger-surface', 'danger-surface', TEXT], ['on-success-surface', 'success-surface', TEXT], ['on-warning-surface', 'warning-surface', TEXT],
  ['text', 'today', TEXT], ['now', 'surface', GRAPHIC],
  ['on-module', 'busy', TEXT], ['busy', 'surface', GRAPHIC],
  ...MODULES.flatMap((m): Array<[string, string, number]> => [['on-module', `module-${m}`, TEXT], [`module-${m}`, 'surface', GRAPHIC], [`module-${m}`, 'canvas', GRAPHIC]]),
];

describe('colour roles', () => {
  it.each(Object.keys(THEMES))('%s theme: every pair people read passes WCAG AA', (name) => {
    const roles = THEMES[name as keyof typeof THEMES];
    const failing = PAIRS.flatMap(([fg, bg, min]) => {
      if (!roles[fg] || !roles[bg]) return [`${fg} or ${bg} is not a role`];
      const ratio = contrast(roles[fg], roles[bg]);
      return ratio < min ? [`${fg} on ${bg}: ${ratio.toFixed(2)} < ${min}`] : [];
    });
    expect(failing).toEqual([]);
  });

  it('gives the dark theme its own value for every colour role', () => {
    const dark = rolesOf(":root[data-theme='dark']");
    expect(Object.keys(light).filter((role) => !(role in dark))).toEqual([]);
  });

  it('follows the system unless light or dark is chosen', () => {
    expect(resolveTheme('system', true)).toBe('dark');
    expect(resolveTheme('system', false)).toBe('light');
    expect(resolveTheme('light', true)).toBe('light');
    expect(resolveTheme('dark', false)).toBe('dark');
  });
});
