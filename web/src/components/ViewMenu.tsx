import { useT } from '../i18n/t';
import { TIMELINE_VIEW } from '../timeline';
import { MenuButton, MenuItem } from '../ui/Menu';
import { Icon } from '../ui/Icon';
import { VIEWS } from '../views';

interface Props {
  view: string;
  onChange: (view: string) => void;
}

/** Day · Week · Month · 4 weeks · Year · Agenda · Timeline, as one menu that names the view shown. */
export function ViewMenu({ view, onChange }: Props) {
  const t = useT();
  const choices = [...VIEWS.map((v) => ({ id: v.name, label: t(v.labelId), key: v.key })), { id: TIMELINE_VIEW, label: t('view.timeline'), key: '' }];
  const current = choices.find((c) => c.id === view) ?? choices[2]!;
  return (
    <MenuButton label={<>{current.label}<Icon name="down" size={16} /></>} aria-label={t('view.choose', { view: current.label })} menuLabel={t('view.menu')}
      selectionMode="single" selectedKeys={[current.id]} onAction={(key) => onChange(String(key))}>
      {choices.map((c) => (
        <MenuItem key={c.id} id={c.id} textValue={c.label}>
          <span>{c.label}</span>{c.key && <kbd aria-hidden="true">{c.key}</kbd>}
        </MenuItem>
      ))}
    </MenuButton>
  );
}
