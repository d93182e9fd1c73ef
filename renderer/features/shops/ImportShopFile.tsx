import { type ChangeEvent, useState } from 'react';
import type { ApiError } from '../../../shared/ipc/result';
import type { ShopIssue } from '../../../shared/shop';
import { useShops } from '../../state/shops';
import { ErrorNotice } from '../ui/ErrorNotice';
import { Notice } from '../ui/Notice';

type ImportOutcome = { fileName: string; issues: ShopIssue[]; warnings: ShopIssue[]; filled: boolean } | { fileName: string; error: ApiError };

/**
 * Reads a shop file in the page and has main check it with the CLI's rules. A readable file fills the
 * form (its problems then show at their fields); the problems are also listed here, with their paths.
 */
export function ImportShopFile({ onLoaded }: { onLoaded(config: object, hasIssues: boolean): void }) {
  const checkFile = useShops((state) => state.checkFile);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const read = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.target;
    const file = input.files?.[0];
    if (!file) return;
    const result = await checkFile(await file.text());
    input.value = '';
    if (!result.ok) return setOutcome({ fileName: file.name, error: result.error });
    const { config, issues, warnings } = result.value;
    const filled = typeof config === 'object' && config !== null && !Array.isArray(config);
    if (filled) onLoaded(config, issues.length > 0);
    setOutcome({ fileName: file.name, issues, warnings, filled });
  };
  return (
    <section className="import-panel" aria-labelledby="import-heading">
      <h2 id="import-heading">Start from a shop file</h2>
      <label htmlFor="shop-file">Import a shop file (.json, the same file the command line uses)</label>
      <input id="shop-file" type="file" accept=".json,application/json" onChange={(event) => void read(event)} data-testid="import-shop-file" />
      {outcome && 'error' in outcome && <ErrorNotice problem={outcome.error} title={`${outcome.fileName} could not be checked`} />}
      {outcome && 'issues' in outcome && outcome.issues.length > 0 && (
        <div className="notice tone-danger" role="alert" data-testid="import-issues">
          <div className="notice-body">
            <p className="notice-title">
              {outcome.fileName} has {outcome.issues.length === 1 ? 'one problem' : `${outcome.issues.length} problems`}
              {outcome.filled ? ': the form shows what could be read, fix the marked fields.' : ':'}
            </p>
            <ul>
              {outcome.issues.map((issue) => (
                <li key={`${issue.path}:${issue.message}`}>
                  <code>{issue.path}</code>: {issue.message}
                </li>
              ))}
            </ul>
          </div>
        </div>
      )}
      {outcome && 'issues' in outcome && outcome.issues.length === 0 && (
        <Notice tone="success" testId="import-ok">
          <p>
            Filled the form from {outcome.fileName}. Check it, then save.
            {outcome.warnings.map((warning) => ` Note: ${warning.message}.`).join('')}
          </p>
        </Notice>
      )}
    </section>
  );
}
