import { useLogs } from '../../state/logs';
import { SaveFileButton } from '../ui/SaveFileButton';
import { formatBytes } from '../ui/format';

/** The zip for the helpdesk (logs, run and steps, versions, the shop; no secret), and where it went. */
export function SupportBundleButton({ shopId }: { shopId: string }) {
  const exportBundle = useLogs((state) => state.exportBundle);
  return (
    <SaveFileButton
      label="Export support bundle"
      save={() => exportBundle(shopId)}
      saved={({ path, bytes }) => (
        <p>
          Support bundle saved to <code data-testid="bundle-path">{path}</code> ({formatBytes(bytes)}). Send this file to the helpdesk: it holds no secret.
        </p>
      )}
      failedTitle="The support bundle was not exported"
      testId="export-bundle"
      savedTestId="bundle-saved"
    />
  );
}
