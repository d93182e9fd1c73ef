import { useState } from 'react';
import type { ApiError } from '../../../shared/ipc/result';
import { announce } from '../../state/announcer';
import { useShops } from '../../state/shops';
import { ErrorNotice } from '../ui/ErrorNotice';
import { Notice } from '../ui/Notice';

/** Saves the shop's configuration as a shop file (main asks where); says where it went. */
export function ExportShopFileButton({ shopId }: { shopId: string }) {
  const exportFile = useShops((state) => state.exportFile);
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    setError(null);
    const result = await exportFile(shopId);
    setBusy(false);
    if (!result.ok) return setError(result.error);
    if (result.value) {
      setSaved(result.value.path);
      announce(`Shop file saved to ${result.value.path}`);
    }
  };
  return (
    <div className="export-action">
      <button type="button" onClick={() => void run()} disabled={busy} data-testid="export-shop-file">
        {busy ? 'Exporting…' : 'Export shop file'}
      </button>
      {saved && (
        <Notice tone="success" testId="shop-file-saved">
          <p>
            Shop file saved to <code>{saved}</code>
          </p>
        </Notice>
      )}
      {error && <ErrorNotice problem={error} title="The shop file was not exported" onDismiss={() => setError(null)} />}
    </div>
  );
}
