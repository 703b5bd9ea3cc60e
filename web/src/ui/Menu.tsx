/**
 * Menus (React Aria): a button that opens a list of actions or choices, with arrow keys, typeahead
 * and Esc done. `MenuButton` takes its items as children: `<MenuItem id=… onAction=…>` or links
 * with `href`; a choice among items is `selectionMode="single"` with `selectedKeys`.
 */
import type { ReactNode } from 'react';
import { Button, Menu, MenuItem as AriaMenuItem, MenuTrigger, Popover, type Key, type MenuItemProps } from 'react-aria-components';

interface Props {
  /** What the button shows. */
  label: ReactNode;
  /** The button's accessible name when it shows only an icon or a value. */
  'aria-label'?: string;
  buttonClassName?: string;
  /** The menu's accessible name (defaults to the button's). */
  menuLabel?: string;
  selectionMode?: 'single';
  selectedKeys?: Iterable<Key>;
  onAction?: (key: Key) => void;
  children: ReactNode;
}

export function MenuButton({ label, buttonClassName, menuLabel, selectionMode, selectedKeys, onAction, children, ...rest }: Props) {
  return (
    <MenuTrigger>
      <Button className={buttonClassName ?? 'menu-button'} aria-label={rest['aria-label']}>{label}</Button>
      <Popover className="popover" placement="bottom end">
        <Menu className="menu" aria-label={menuLabel ?? rest['aria-label']} selectionMode={selectionMode} selectedKeys={selectedKeys} onAction={onAction} disallowEmptySelection={selectionMode === 'single'}>
          {children}
        </Menu>
      </Popover>
    </MenuTrigger>
  );
}

export function MenuItem(props: MenuItemProps) {
  return <AriaMenuItem {...props} className="menu__item" />;
}
