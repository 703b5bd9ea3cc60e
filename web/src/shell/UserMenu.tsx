import { useId } from 'react';
import { useDisplayZone } from '../hooks/useDisplayZone';
import { useLanguage } from '../i18n/I18nProvider';
import { useT } from '../i18n/t';
import { THEME_CHOICES, useThemeChoice, type ThemeChoice } from '../theme/theme';
import { knownZones } from '../times';
import type { User } from '../types';
import { PopoverButton } from '../ui/Popover';

interface Props {
  user: User;
  onSignOut: () => void;
}

/**
 * Who is signed in, and this device's choices until the settings page keeps them per user:
 * language, light or dark, the zone times are shown in. Then sign-out.
 */
export function UserMenu({ user, onSignOut }: Props) {
  const t = useT();
  const id = useId();
  const { language, languages, setLanguage } = useLanguage();
  const [theme, setTheme] = useThemeChoice();
  const [zone, setZone] = useDisplayZone(user.timeZone);
  const name = user.name || user.email;
  const zones = knownZones();
  const THEME_LABELS: Record<ThemeChoice, string> = { system: t('theme.system'), light: t('theme.light'), dark: t('theme.dark') };

  return (
    <PopoverButton buttonClassName="avatar-button" aria-label={t('shell.userMenu', { name })} title={t('shell.userMenu', { name })}
      label={<span aria-hidden="true" className="avatar">{name.slice(0, 1).toUpperCase()}</span>}>
      {(close) => (
        <div className="user-menu">
          <p className="user-menu__who"><strong>{user.name}</strong><br /><span className="muted">{user.email}</span></p>
          <label htmlFor={`${id}-language`}>{t('shell.language')}</label>
          <select id={`${id}-language`} value={language} onChange={(e) => setLanguage(e.target.value)}>
            {languages.map((l) => <option key={l.code} value={l.code} lang={l.code}>{l.name}</option>)}
          </select>
          <fieldset className="user-menu__theme">
            <legend>{t('theme.label')}</legend>
            {THEME_CHOICES.map((choice) => (
              <label key={choice} className="check">
                <input type="radio" name={`${id}-theme`} value={choice} checked={theme === choice} onChange={() => setTheme(choice)} />
                {THEME_LABELS[choice]}
              </label>
            ))}
          </fieldset>
          <label htmlFor={`${id}-zone`}>{t('shell.showTimesIn')}</label>
          <select id={`${id}-zone`} value={zone} onChange={(e) => setZone(e.target.value)}>
            {!zones.includes(zone) && <option value={zone}>{zone}</option>}
            {zones.map((z) => <option key={z} value={z}>{z === user.timeZone ? t('shell.yourZone', { zone: z }) : z}</option>)}
          </select>
          <p className="muted small">{t('shell.yourTimeZone', { zone: user.timeZone })}</p>
          <button type="button" onClick={() => { close(); onSignOut(); }}>{t('shell.signOut')}</button>
        </div>
      )}
    </PopoverButton>
  );
}
