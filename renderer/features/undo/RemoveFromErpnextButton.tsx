import type { ShopSummary } from '../../../shared/ipc/contract';
import { announce } from '../../state/announcer';
import { useShops } from '../../state/shops';
import { UndoDialog } from './UndoDialog';
import { useUndo } from './useUndo';

/**
 * "Remove from ERPNext…": undo what the shop's runs did on the site. Distinct from Remove (which only
 * forgets the shop on this laptop and leaves ERPNext as it is).
 */
export function RemoveFromErpnextButton({ shop }: { shop: ShopSummary }) {
  const undo = useUndo(shop.id);
  const reload = useShops((state) => state.load);
  return (
    <>
      <button type="button" className="button-danger-quiet" onClick={() => void undo.open()} aria-label={`Remove ${shop.name} from ERPNext…`} data-testid="remove-from-erpnext">
        Remove from ERPNext…
      </button>
      <UndoDialog
        shopName={shop.name}
        state={undo.state}
        onConfirm={(preview, typed) =>
          void undo.confirm(preview, typed).then(() => {
            announce(`Removal of ${shop.name} from ERPNext finished.`);
            return reload(shop.siteId);
          })
        }
        onClose={undo.close}
      />
    </>
  );
}
