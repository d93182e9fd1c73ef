import { type ReactNode, useEffect, useId, useRef } from 'react';

interface ConfirmDialogProps {
  open: boolean;
  title: string;
  children: ReactNode;
  /** Absent: nothing to confirm (the dialog only explains), and the one button closes it. */
  confirmLabel?: string;
  cancelLabel?: string;
  danger?: boolean;
  onConfirm(): void;
  onCancel(): void;
}

/**
 * A modal question on the native <dialog>: showModal() traps focus and makes the page behind inert,
 * Escape cancels, and closing hands focus back to the button that opened it. The safe choice has focus.
 */
export function ConfirmDialog({ open, title, children, confirmLabel, cancelLabel = confirmLabel ? 'Cancel' : 'Close', danger, onConfirm, onCancel }: ConfirmDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        // Escape: let the owner close it, so `open` stays the truth.
        event.preventDefault();
        onCancel();
      }}
      data-testid="confirm-dialog"
    >
      <h2 id={titleId}>{title}</h2>
      <div className="dialog-body">{children}</div>
      <div className="button-row">
        <button type="button" autoFocus onClick={onCancel}>
          {cancelLabel}
        </button>
        {confirmLabel && (
          <button type="button" className={danger ? 'button-danger' : 'button-primary'} onClick={onConfirm} data-testid="confirm-button">
            {confirmLabel}
          </button>
        )}
      </div>
    </dialog>
  );
}
