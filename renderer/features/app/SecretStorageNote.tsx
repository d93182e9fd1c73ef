import { useAppInfo } from '../../state/appInfo';
import { Notice } from '../ui/Notice';

/** Where API secrets are kept, said plainly; a warning when they do not outlive this session. */
export function SecretStorageNote() {
  const info = useAppInfo((state) => state.info);
  if (!info) return null;
  if (info.secretsPersist) {
    return (
      <p className="secret-note" data-testid="secret-storage">
        API secrets are kept in {info.secretStorage}, never in the app&apos;s database or logs.
      </p>
    );
  }
  return (
    <Notice tone="warning" testId="secret-storage">
      <p>
        <strong>API secrets are kept for this session only</strong>: there is no keychain to keep them in. When the app closes they are forgotten, and you
        type the API secret again next time.
      </p>
    </Notice>
  );
}
