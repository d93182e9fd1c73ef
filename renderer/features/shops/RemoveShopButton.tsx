import { useState } from 'react';
import type { ShopSummary } from '../../../shared/ipc/contract';
import type { ApiError } from '../../../shared/ipc/result';
import { announce } from '../../state/announcer';
import { useShops } from '../../state/shops';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { ErrorNotice } from '../ui/ErrorNotice';

/** Remove a shop from this laptop after a confirm; what the runs created in ERPNext stays. */
export function RemoveShopButton({ shop }: { shop: ShopSummary }) {
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const remove = useShops((state) => state.remove);
  const confirm = async () => {
    setAsking(false);
    const result = await remove(shop.siteId, shop.id);
    if (result.ok) announce(`Shop ${shop.name} removed.`);
    else setError(result.error);
  };
  return (
    <>
      <button type="button" className="button-danger-quiet" onClick={() => setAsking(true)} aria-label={`Remove ${shop.name}`}>
        Remove
      </button>
      <ConfirmDialog open={asking} title={`Remove ${shop.name}?`} confirmLabel="Remove shop" danger onConfirm={() => void confirm()} onCancel={() => setAsking(false)}>
        <p>This laptop forgets the shop and its run history. What the runs created in ERPNext (company, POS Profile, items…) stays.</p>
      </ConfirmDialog>
      {error && <ErrorNotice problem={error} title="The shop was not removed" onDismiss={() => setError(null)} />}
    </>
  );
}
