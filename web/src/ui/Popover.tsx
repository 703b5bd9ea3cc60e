import type { ReactNode } from 'react';
import { Button, Dialog, DialogTrigger, Popover } from 'react-aria-components';

interface Props {
  /** What the button shows. */
  label: ReactNode;
  'aria-label'?: string;
  buttonClassName?: string;
  /** The panel's accessible name. */
  title: string;
  children: ReactNode | ((close: () => void) => ReactNode);
}

/**
 * A button that opens a panel beside it (React Aria): kept inside the window at any width, focus
 * inside while open, Esc or a click outside closes it and focus returns to the button.
 */
export function PopoverButton({ label, buttonClassName, title, children, ...rest }: Props) {
  return (
    <DialogTrigger>
      <Button className={buttonClassName ?? 'menu-button'} aria-label={rest['aria-label']}>{label}</Button>
      <Popover className="popover" placement="bottom end">
        <Dialog className="popover__body" aria-label={title}>
          {({ close }) => (typeof children === 'function' ? children(close) : children)}
        </Dialog>
      </Popover>
    </DialogTrigger>
  );
}
