import type { ReactNode } from 'react';
import { Dialog, Modal, ModalOverlay } from 'react-aria-components';

interface Props {
  isOpen: boolean;
  onClose: () => void;
  /** The drawer's accessible name. */
  label: string;
  id?: string;
  children: ReactNode;
}

/** A panel that slides over the page from the left on phones (the navigation rail), modal while open. */
export function Drawer({ isOpen, onClose, label, id, children }: Props) {
  return (
    <ModalOverlay isOpen={isOpen} isDismissable onOpenChange={(open) => { if (!open) onClose(); }} className="drawer-overlay">
      <Modal className="drawer">
        <Dialog className="drawer__body" aria-label={label} id={id}>{children}</Dialog>
      </Modal>
    </ModalOverlay>
  );
}
