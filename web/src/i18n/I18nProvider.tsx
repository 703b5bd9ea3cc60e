import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { IntlProvider } from 'react-intl';
import { setNetworkErrorText } from '../api';
import { LOCALES, loaders } from 'virtual:kalendaryo-locales';
import { chooseCatalogue, DEFAULT_CATALOGUE, formatLocaleFor } from './locales';

const STORE_KEY = 'kalendaryo.language';

interface LanguageState {
  /** The catalogue shown ("en", "fil"). */
  language: string;
  /** The locale dates and numbers are formatted in ("en-PH"); also `<html lang>`. */
  locale: string;
  languages: ReadonlyArray<{ code: string; name: string }>;
  /** Shows another language and remembers it on this device. */
  setLanguage: (code: string) => void;
}

const LanguageContext = createContext<LanguageState | null>(null);

export function useLanguage(): LanguageState {
  const state = useContext(LanguageContext);
  if (!state) throw new Error('useLanguage outside <I18nProvider>');
  return state;
}

const codes = LOCALES.map((l) => l.code);
const browser = () => (typeof navigator === 'undefined' ? [] : navigator.languages ?? [navigator.language]);

function stored(): string | null {
  try {
    return localStorage.getItem(STORE_KEY);
  } catch {
    return null;
  }
}

/**
 * A language's messages over English's, so that a catalogue still being translated (a new
 * Maguindanaon file, say) shows English where it has no words yet.
 */
async function loadMessages(code: string): Promise<Record<string, string>> {
  const own = loaders[code] ?? loaders[DEFAULT_CATALOGUE]!;
  if (code === DEFAULT_CATALOGUE) return own();
  const [english, messages] = await Promise.all([loaders[DEFAULT_CATALOGUE]!(), own()]);
  return { ...english, ...messages };
}

interface Props {
  children: ReactNode;
  /** The user's language setting, once the settings page stores one. */
  setting?: string | null;
}

/** Loads the chosen catalogue and provides it; keeps showing the previous one while another loads. */
export function I18nProvider({ children, setting }: Props) {
  const [language, setLanguageState] = useState(() => chooseCatalogue({ setting, stored: stored(), browser: browser() }, codes));
  const [loaded, setLoaded] = useState<{ language: string; messages: Record<string, string> } | null>(null);

  useEffect(() => {
    if (setting) setLanguageState(chooseCatalogue({ setting, browser: browser() }, codes));
  }, [setting]);

  useEffect(() => {
    let live = true;
    void loadMessages(language).then((messages) => {
      if (!live) return;
      setLoaded({ language, messages });
      if (messages['api.network']) setNetworkErrorText(messages['api.network']);
    });
    return () => { live = false; };
  }, [language]);

  const shown = loaded?.language ?? language;
  const locale = formatLocaleFor(shown, browser());
  useEffect(() => { document.documentElement.lang = locale; }, [locale]);

  const setLanguage = useCallback((code: string) => {
    try {
      localStorage.setItem(STORE_KEY, code);
    } catch {
      // private mode: the choice holds for this visit only
    }
    setLanguageState(code);
  }, []);
  const state = useMemo(() => ({ language: shown, locale, languages: LOCALES, setLanguage }), [shown, locale, setLanguage]);

  if (!loaded) return null;
  return (
    <LanguageContext.Provider value={state}>
      <IntlProvider locale={locale} defaultLocale={DEFAULT_CATALOGUE} messages={loaded.messages} onError={reportIntlError}>
        {children}
      </IntlProvider>
    </LanguageContext.Provider>
  );
}

function reportIntlError(err: { code?: string; message: string }) {
  // A missing key falls back to English before it gets here; anything else is a broken message.
  if (err.code !== 'MISSING_TRANSLATION') console.error(err);
}
