/**
 * Which catalogue to show and which locale formats dates and numbers (pure: tested in locales.test.ts).
 * The user's setting wins, then the choice stored on this device, then the browser's languages.
 */

/** Browsers and phones name Filipino both ways; the catalogue is `fil`. */
const ALIASES: Readonly<Record<string, string>> = { tl: 'fil' };

export const DEFAULT_CATALOGUE = 'en';

const base = (tag: string) => tag.toLowerCase().split('-')[0]!;
const canonical = (code: string) => ALIASES[code] ?? code;

/** The catalogue for a language tag ("fil-PH" → "fil", "tl" → "fil"), or null when none fits. */
export function matchCatalogue(tag: string | null | undefined, available: readonly string[]): string | null {
  if (!tag) return null;
  const lower = tag.toLowerCase();
  const exact = available.find((c) => c.toLowerCase() === lower);
  if (exact) return exact;
  const wanted = canonical(base(tag));
  return available.find((c) => canonical(base(c)) === wanted) ?? null;
}

export interface LocaleSources {
  /** The user's language setting (the settings page), when there is one. */
  setting?: string | null;
  /** The choice made on this device with the language switch. */
  stored?: string | null;
  /** navigator.languages, most wanted first. */
  browser: readonly string[];
}

export function chooseCatalogue({ setting, stored, browser }: LocaleSources, available: readonly string[]): string {
  for (const tag of [setting, stored, ...browser]) {
    const match = matchCatalogue(tag, available);
    if (match) return match;
  }
  return available.includes(DEFAULT_CATALOGUE) ? DEFAULT_CATALOGUE : available[0] ?? DEFAULT_CATALOGUE;
}

/**
 * The locale that formats dates, times and numbers: the browser's own regional variant of the
 * catalogue's language when it has one (English with en-PH or en-GB dates), else the catalogue code.
 */
export function formatLocaleFor(catalogue: string, browser: readonly string[]): string {
  const wanted = canonical(base(catalogue));
  const regional = browser.find((tag) => canonical(base(tag)) === wanted && tag.includes('-'));
  if (!regional) return catalogue;
  const [, ...rest] = regional.split('-');
  const tag = [catalogue, ...rest].join('-');
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? catalogue;
  } catch {
    return catalogue;
  }
}
