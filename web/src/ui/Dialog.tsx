import type { ReactNode } from 'react';
import { Dialog as AriaDialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useT } from '../i18n/t';
import { Icon } from './Icon';

interface Props {
  title: string;
  onClose: () => void;
  children: ReactNode;
  className?: string;
}

/**
 * A modal dialog (React Aria): focus moves into it — to a field that asks for it (autoFocus), else to
 * the dialog itself so its title is read — stays inside, and returns where it was; Esc closes it. A
 * click outside does not, so a half-filled form is never lost by a stray tap.
 */
export function Dialog({ title, onClose, children, className }: Props) {
  const t = useT();
  return (
    <ModalOverlay isOpen onOpenChange={(open) => { if (!open) onClose(); }} className="dialog-overlay">
      <Modal className={`dialog ${className ?? ''}`}>
        <AriaDialog className="dialog__body">
          <div className="dialog__head">
            <Heading slot="title">{title}</Heading>
            <button type="button" className="icon-button" aria-label={t('common.close')} onClick={onClose}><Icon name="close" /></button>
          </div>
          {children}
        </AriaDialog>
      </Modal>
    </ModalOverlay>
  );
}
