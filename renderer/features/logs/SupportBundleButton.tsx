import { useState } from 'react';
import type { ApiError } from '../../../shared/ipc/result';
import { announce } from '../../state/announcer';
import { useLogs } from '../../state/logs';
import { ErrorNotice } from '../ui/ErrorNotice';
import { Notice } from '../ui/Notice';
import { formatBytes } from '../ui/format';

/** The zip for the helpdesk (logs, run and steps, versions, the shop; no secret), and where it went. */
export function SupportBundleButton({ shopId }: { shopId: string }) {
  const exportBundle = useLogs((state) => state.exportBundle);
  const [saved, setSaved] = useState<{ path: string; bytes: number } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    setError(null);
    const result = await exportBundle(shopId);
    setBusy(false);
    if (!result.ok) return setError(result.error);
    if (result.value) {
      setSaved(result.value);
      announce(`Support bundle saved to ${result.value.path}`);
    }
  };
  return (
    <div className="export-action">
      <button type="button" onClick={() => void run()} disabled={busy} data-testid="export-bundle">
        {busy ? 'Exporting…' : 'Export support bundle'}
      </button>
      {saved && (
        <Notice tone="success" testId="bundle-saved">
          <p>
            Support bundle saved to <code data-testid="bundle-path">{saved.path}</code> ({formatBytes(saved.bytes)}). Send this file to the helpdesk: it holds no
            secret.
          </p>
        </Notice>
      )}
      {error && <ErrorNotice problem={error} title="The support bundle was not exported" onDismiss={() => setError(null)} />}
    </div>
  );
}
