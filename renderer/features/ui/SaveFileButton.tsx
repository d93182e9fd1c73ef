import { type ReactNode, useState } from 'react';
import type { ApiError, Result } from '../../../shared/ipc/result';
import { announce } from '../../state/announcer';
import { ErrorNotice } from './ErrorNotice';
import { Notice } from './Notice';

interface SaveFileButtonProps<T extends { path: string }> {
  label: string;
  /** Main asks where to save and writes the file; null when the installer cancels the dialog. */
  save(): Promise<Result<T | null>>;
  /** What to say once saved (the path is also announced). */
  saved(file: T): ReactNode;
  failedTitle: string;
  testId: string;
  savedTestId: string;
}

/** A button for a file main writes (shop file, support bundle), then where it went, or why not. */
export function SaveFileButton<T extends { path: string }>({ label, save, saved, failedTitle, testId, savedTestId }: SaveFileButtonProps<T>) {
  const [file, setFile] = useState<T | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    setError(null);
    const result = await save();
    setBusy(false);
    if (!result.ok) return setError(result.error);
    if (!result.value) return;
    setFile(result.value);
    announce(`Saved to ${result.value.path}`);
  };
  return (
    <div className="export-action">
      <button type="button" onClick={() => void run()} disabled={busy} data-testid={testId}>
        {busy ? 'Saving…' : label}
      </button>
      {file && (
        <Notice tone="success" testId={savedTestId}>
          {saved(file)}
        </Notice>
      )}
      {error && <ErrorNotice problem={error} title={failedTitle} onDismiss={() => setError(null)} />}
    </div>
  );
}
