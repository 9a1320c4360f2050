// Asks before something that cannot be undone. Cancel has the focus, so Enter does no harm.
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from './Dialog';

export interface ConfirmDialogProps {
  title: string;
  /** What will happen, in a sentence or two. */
  children: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  /** Draws the confirm button red: for deleting. */
  danger?: boolean;
  onConfirm(): void;
  onCancel(): void;
}

export function ConfirmDialog({ title, children, confirmLabel, cancelLabel, danger, onConfirm, onCancel }: ConfirmDialogProps) {
  const { t } = useTranslation();
  const bodyId = useId();
  return (
    <Dialog title={title} onClose={onCancel} describedBy={bodyId} className="pm-confirm">
      <div className="pm-dialog__body" id={bodyId}>
        {children}
      </div>
      <div className="pm-dialog__actions">
        <button type="button" onClick={onCancel} data-autofocus>
          {cancelLabel ?? t('common.cancel')}
        </button>
        <button type="button" className={danger ? 'pm-danger' : 'pm-primary'} onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
