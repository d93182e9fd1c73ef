import { api } from '../../api';
import { SaveFileButton } from '../ui/SaveFileButton';

/**
 * Handover sheet: the shop owner's one-page sheet of a finished run — a PDF in the app (main prints it),
 * an HTML file in the browser host — saved where the installer chooses.
 */
export function HandoverButton({ shopId, runId, label = 'Handover sheet' }: { shopId: string; runId?: string; label?: string }) {
  return (
    <SaveFileButton
      label={label}
      save={() => api.saveHandoverSheet(runId ? { shopId, runId } : { shopId })}
      saved={(file) => (
        <p>
          Handover sheet saved as {file.format === 'pdf' ? 'a PDF' : 'a web page to print'}: <code data-testid="handover-path">{file.path}</code>
        </p>
      )}
      failedTitle="The handover sheet was not made"
      testId="handover-sheet"
      savedTestId="handover-saved"
    />
  );
}
