import { useEffect, useRef } from 'react';

/** When the clipboard is out of reach: the text, selected, to copy with the keyboard. */
export function CopyFallbackDialog({ text, onClose }: { text: string | null; onClose(): void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const area = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (text !== null && !element.open) {
      element.showModal();
      area.current?.select();
    }
    if (text === null && element.open) element.close();
  }, [text]);
  return (
    <dialog
      ref={dialog}
      className="dialog"
      aria-labelledby="copy-fallback-title"
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      data-testid="copy-fallback"
    >
      <h2 id="copy-fallback-title">Copy this entry</h2>
      <p id="copy-fallback-help">The clipboard is not available here. The text is selected: press Ctrl+C (⌘C on a Mac), then close.</p>
      <textarea ref={area} readOnly value={text ?? ''} rows={8} aria-label="Log entry text" aria-describedby="copy-fallback-help" />
      <div className="button-row">
        <button type="button" className="button-primary" onClick={onClose}>
          Close
        </button>
      </div>
    </dialog>
  );
}
