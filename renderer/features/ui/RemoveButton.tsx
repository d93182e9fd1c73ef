import { type ReactNode, useState } from 'react';
import type { ApiError, Result } from '../../../shared/ipc/result';
import { ConfirmDialog } from './ConfirmDialog';
import { ErrorNotice } from './ErrorNotice';

interface RemoveButtonProps {
  /** What is removed, for the button's accessible name and the question ("Remove Corner Cafe?"). */
  name: string;
  confirmLabel: string;
  /** What removing means, said in the dialog. */
  children: ReactNode;
  /**
   * Why it cannot be removed now, and what to do (a run is going): the dialog says so instead of
   * asking. Main refuses anyway; this saves the installer the refusal.
   */
  blocked?: ReactNode;
  /** Called before the dialog opens (to ask main for what `blocked` depends on); the dialog waits for it. */
  onOpen?(): Promise<void> | void;
  remove(): Promise<Result<null>>;
  onRemoved(): void;
  testId?: string;
}

/** "Remove", a confirm dialog saying what it means (or why not now), then the command; a refusal is shown. */
export function RemoveButton({ name, confirmLabel, children, blocked, onOpen, remove, onRemoved, testId }: RemoveButtonProps) {
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const confirm = async () => {
    setAsking(false);
    const result = await remove();
    if (result.ok) onRemoved();
    else setError(result.error);
  };
  return (
    <>
      <button
        type="button"
        className="button-danger-quiet"
        onClick={async () => {
          await onOpen?.();
          setAsking(true);
        }}
        aria-label={`Remove ${name}`}
        data-testid={testId}
      >
        Remove
      </button>
      <ConfirmDialog
        open={asking}
        title={blocked ? `${name} cannot be removed now` : `Remove ${name}?`}
        confirmLabel={blocked ? undefined : confirmLabel}
        danger
        onConfirm={() => void confirm()}
        onCancel={() => setAsking(false)}
      >
        {blocked ?? children}
      </ConfirmDialog>
      {error && <ErrorNotice problem={error} title={`${name} was not removed`} onDismiss={() => setError(null)} />}
    </>
  );
}
