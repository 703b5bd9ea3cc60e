/**
 * Light, dark or the system's choice, stored per device (the settings page will store it per user).
 * The resolved theme is `<html data-theme>`; styles/theme.css holds the colour roles of each.
 */
import { useEffect, useState } from 'react';

export type ThemeChoice = 'light' | 'dark' | 'system';
export const THEME_CHOICES: readonly ThemeChoice[] = ['system', 'light', 'dark'];

const KEY = 'kalendaryo.theme';
const DARK_QUERY = '(prefers-color-scheme: dark)';
const CHANGED = 'kalendaryo-theme';

export function resolveTheme(choice: ThemeChoice, systemDark: boolean): 'light' | 'dark' {
  return choice === 'system' ? (systemDark ? 'dark' : 'light') : choice;
}

export function storedTheme(): ThemeChoice {
  try {
    const value = localStorage.getItem(KEY);
    return value === 'light' || value === 'dark' ? value : 'system';
  } catch {
    return 'system';
  }
}

function apply(): void {
  const theme = resolveTheme(storedTheme(), window.matchMedia?.(DARK_QUERY).matches ?? false);
  document.documentElement.dataset.theme = theme;
  // The browser's own bar and scrollbars follow the page.
  document.querySelector('meta[name="theme-color"]')?.setAttribute('content', theme === 'dark' ? '#111827' : '#ffffff');
}

/** Sets the theme before the first paint and follows the system's changes (called once by main.tsx). */
export function startTheme(): void {
  apply();
  window.matchMedia?.(DARK_QUERY).addEventListener('change', apply);
}

export function setTheme(choice: ThemeChoice): void {
  try {
    if (choice === 'system') localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, choice);
  } catch {
    // private mode: the choice holds until the page is left
  }
  apply();
  window.dispatchEvent(new Event(CHANGED));
}

/** The stored choice, kept current when another part of the page changes it. */
export function useThemeChoice(): [ThemeChoice, (choice: ThemeChoice) => void] {
  const [choice, setChoice] = useState(storedTheme);
  useEffect(() => {
    const sync = () => setChoice(storedTheme());
    window.addEventListener(CHANGED, sync);
    return () => window.removeEventListener(CHANGED, sync);
  }, []);
  return [choice, setTheme];
}
