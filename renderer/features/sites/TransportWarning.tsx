import { Notice } from '../ui/Notice';

/** Main's warning for a site reached over plain HTTP (the API secret is not encrypted on the way). */
export function TransportWarning({ warning }: { warning: string | null }) {
  if (!warning) return null;
  return (
    <Notice tone="warning" testId="transport-warning">
      <p>{warning}</p>
    </Notice>
  );
}
