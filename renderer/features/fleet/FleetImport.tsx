import { type ChangeEvent, useState } from 'react';
import type { FleetCheck } from '../../../shared/ipc/contract';
import type { ApiError } from '../../../shared/ipc/result';
import { announce } from '../../state/announcer';
import { ErrorNotice } from '../ui/ErrorNotice';
import { Notice } from '../ui/Notice';
import { useFleet } from './fleetStore';

type Read = { fileName: string; text: string; check: FleetCheck } | { fileName: string; error: ApiError };

/**
 * Import fleet…: the page reads the file, main checks every row with the shop rules; the shops are
 * saved only when every row is valid (and only when the installer says so).
 */
export function FleetImport({ siteId }: { siteId: string }) {
  const { check, import: save } = useFleet();
  const [read, setRead] = useState<Read | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.target;
    const file = input.files?.[0];
    if (!file) return;
    const text = await file.text();
    input.value = '';
    setSaved(null);
    const result = await check(text, file.name);
    setRead(result.ok ? { fileName: file.name, text, check: result.value } : { fileName: file.name, error: result.error });
    if (result.ok) announce(result.value.ok ? `${file.name}: ${result.value.shops.length} shops, ready to import.` : `${file.name} has ${result.value.issues.length} problems; nothing was imported.`);
  };
  const importShops = async () => {
    if (!read || !('check' in read)) return;
    setSaving(true);
    const result = await save(siteId, read.text, read.fileName);
    setSaving(false);
    if (!result.ok) return setRead({ fileName: read.fileName, error: result.error });
    if (!result.value.saved) return setRead({ ...read, check: { ...read.check, ok: false, issues: result.value.issues } });
    const message = `Imported ${result.value.shopIds.length} shops from ${read.fileName}. Press Start all to set them up.`;
    setSaved(message);
    setRead(null);
    announce(message);
  };
  return (
    <section className="import-panel fleet-import" aria-labelledby="fleet-import-heading">
      <h2 id="fleet-import-heading">Import fleet…</h2>
      <label htmlFor="fleet-file">A fleet file: CSV (one row per shop, as examples/fleet.csv) or JSON (a list of shop files)</label>
      <input id="fleet-file" type="file" accept=".csv,.json,text/csv,application/json" onChange={(event) => void choose(event)} data-testid="fleet-file" />
      {read && 'error' in read && <ErrorNotice problem={read.error} title={`${read.fileName} could not be read`} />}
      {read && 'check' in read && !read.check.ok && (
        <div className="notice tone-danger" role="alert" data-testid="fleet-issues">
          <div className="notice-body">
            <p className="notice-title">
              {read.fileName} has {read.check.issues.length === 1 ? 'one problem' : `${read.check.issues.length} problems`}: nothing was imported. Fix them in the file and choose it again.
            </p>
            <ul>
              {read.check.issues.map((issue) => (
                <li key={issue}>{issue}</li>
              ))}
            </ul>
          </div>
        </div>
      )}
      {read && 'check' in read && read.check.ok && (
        <div className="fleet-preview" data-testid="fleet-preview">
          <p>
            {read.fileName}: {read.check.shops.length} shops ({read.check.shops.map((shop) => shop.name).join(', ')}).
          </p>
          {read.check.warnings.length > 0 && (
            <ul className="field-warnings">
              {read.check.warnings.map((warning) => (
                <li key={warning}>{warning}</li>
              ))}
            </ul>
          )}
          <button type="button" className="button-primary" onClick={() => void importShops()} disabled={saving} data-testid="fleet-import">
            {saving ? 'Importing…' : `Import ${read.check.shops.length} shops`}
          </button>
        </div>
      )}
      {saved && (
        <Notice tone="success" testId="fleet-imported">
          <p>{saved}</p>
        </Notice>
      )}
    </section>
  );
}
