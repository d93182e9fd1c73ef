import { useEffect, useId, useRef, useState } from 'react';
import { type ForeignTransaction, type UndoPreview, type UndoResult, describeRecord, describeUndoAction } from '../../../shared/undo';
import { ErrorNotice } from '../ui/ErrorNotice';
import { Notice } from '../ui/Notice';
import type { UndoStage } from './useUndo';

function Blockers({ blockers }: { blockers: ForeignTransaction[] }) {
  return (
    <ul data-testid="undo-blockers">
      {blockers.map((b) => (
        <li key={`${b.doctype}/${b.name}`}>
          {b.doctype} {b.name} by {b.owner || 'someone'} (uses {b.uses})
        </li>
      ))}
    </ul>
  );
}

function Plan({ preview }: { preview: UndoPreview }) {
  return (
    <>
      <h3>Removed or restored, in this order</h3>
      {/* Scrolls when long: focusable, so a keyboard can scroll it too. */}
      <ol className="undo-plan" tabIndex={0} aria-label="Removed or restored, in this order" data-testid="undo-plan">
        {preview.actions.map((action, i) => (
          <li key={i}>{describeUndoAction(action)}</li>
        ))}
      </ol>
      {preview.adopted.length > 0 && (
        <>
          <h3>Kept as they were (they existed before)</h3>
          {/* One paragraph: the site's own masters are many and need no reading one by one. */}
          <p className="muted">{preview.adopted.map(describeRecord).join(', ')}</p>
        </>
      )}
    </>
  );
}

function Result({ result }: { result: UndoResult }) {
  const tone = result.status === 'COMPLETED' ? 'success' : 'danger';
  return (
    <Notice tone={tone} testId="undo-result">
      <p className="notice-title">{result.status === 'COMPLETED' ? 'Removed from ERPNext' : result.status === 'REFUSED' ? 'Nothing was removed' : 'Undo stopped'}</p>
      <p>{result.message}</p>
      {result.hint && <p>{result.hint}</p>}
      {result.blockers.length > 0 && <Blockers blockers={result.blockers} />}
    </Notice>
  );
}

interface UndoDialogProps {
  shopName: string;
  state: UndoStage;
  onConfirm(preview: UndoPreview, typed: string): void;
  onClose(): void;
}

/**
 * "Remove shop from ERPNext": what will be removed and restored, then a typed confirmation of the
 * company name (main checks it again), live progress from undo's log, and the result.
 */
export function UndoDialog({ shopName, state, onConfirm, onClose }: UndoDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const inputId = useId();
  const [typed, setTyped] = useState('');
  const open = state.stage !== 'closed';
  useEffect(() => {
    const dialog = ref.current;
    if (open && dialog && !dialog.open) dialog.showModal();
    if (!open && dialog?.open) dialog.close();
    if (!open) setTyped('');
  }, [open]);
  const busy = state.stage === 'removing' || state.stage === 'loading';
  const asking = state.stage === 'asking' && state.preview.blockers.length === 0 && state.preview.actions.length > 0 ? state.preview : null;
  return (
    <dialog ref={ref} className="dialog dialog-wide" aria-labelledby={titleId} aria-busy={busy} onCancel={(event) => (event.preventDefault(), busy || onClose())} data-testid="undo-dialog">
      <h2 id={titleId}>Remove {shopName} from ERPNext</h2>
      <div className="dialog-body">
        {state.stage === 'loading' && <p role="status">Looking at the site…</p>}
        {state.stage === 'asking' && state.preview.blockers.length > 0 && (
          <div className="notice tone-danger" role="alert">
            <div className="notice-body">
              <p className="notice-title">Nothing can be removed</p>
              <p>These transactions by someone else use records of this shop. Undo never removes real sales or stock moves.</p>
              <Blockers blockers={state.preview.blockers} />
            </div>
          </div>
        )}
        {state.stage === 'asking' && state.preview.blockers.length === 0 && state.preview.actions.length === 0 && <Notice>Nothing to remove: no record made by this app is left on the site.</Notice>}
        {asking && (
          <>
            <p>
              This removes from ERPNext what this app created for the shop and puts back the settings it changed{asking.resuming ? ', going on from where the last removal stopped' : ''}. This laptop keeps the shop, so it can be provisioned again.
            </p>
            <Plan preview={asking} />
            <div className="field">
              <label htmlFor={inputId}>Type the company name ({asking.company}) to confirm</label>
              <input id={inputId} value={typed} onChange={(event) => setTyped(event.target.value)} autoComplete="off" spellCheck={false} data-testid="undo-confirm-input" />
            </div>
          </>
        )}
        {state.stage === 'removing' && (
          <>
            <p role="status">Removing… each step is saved, so closing the app now loses nothing: remove again to go on.</p>
            <progress aria-label="Removing from ERPNext" />
            <ol className="undo-log" role="log" tabIndex={0} aria-label="Removal progress" data-testid="undo-progress">
              {state.lines.map((line, i) => (
                <li key={i}>{line}</li>
              ))}
            </ol>
          </>
        )}
        {state.stage === 'done' && <Result result={state.result} />}
        {state.stage === 'error' && <ErrorNotice problem={state.error} title="Could not remove the shop from ERPNext" />}
      </div>
      <div className="button-row">
        <button type="button" autoFocus onClick={onClose} disabled={busy}>
          {asking ? 'Cancel' : 'Close'}
        </button>
        {asking && (
          <button type="button" className="button-danger" disabled={typed.trim() !== asking.company} onClick={() => onConfirm(asking, typed)} data-testid="undo-confirm-button">
            Remove from ERPNext
          </button>
        )}
      </div>
    </dialog>
  );
}
