import { RunLockedError } from '../engine/controller';
import type { FleetEntry } from '../../shared/fleet';
import type { FleetMove } from '../../shared/fleet';
import type { ShopRecord } from '../../shared/model';
import { type FleetMember, fleetMove } from './fleet';
import type { ProvisioningService } from './service';

export interface SavedFleetShop {
  row: number;
  name: string;
  shop: ShopRecord | null;
  /** The configuration differs from the one saved before (or the shop is new). */
  changed: boolean;
  /** Why it was not saved: another process is running it. */
  busy: string | null;
}

/**
 * Saves every shop of a validated fleet on the site. A shop whose configuration is unchanged is left
 * as it is (so "already COMPLETED with this configuration" stays true and the fleet skips it); one that
 * another process is running is not changed under it, and said to be busy.
 */
export function saveFleetShops(service: ProvisioningService, siteId: string, entries: readonly FleetEntry[]): SavedFleetShop[] {
  return entries.map((entry) => {
    const name = entry.config.company.name;
    const existing = service.store.shops.findByName(siteId, name);
    if (existing && JSON.stringify(existing.config) === JSON.stringify(entry.config)) return { row: entry.row, name, shop: existing, changed: false, busy: null };
    try {
      const saved = service.saveShop(siteId, entry.file);
      // Validated before anything was saved: a refusal here is a bug, not a bad row.
      if (!saved.ok) throw new Error(`row ${entry.row} became invalid: ${saved.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
      return { row: entry.row, name, shop: saved.shop, changed: true, busy: null };
    } catch (error) {
      if (!(error instanceof RunLockedError)) throw error;
      return { row: entry.row, name, shop: existing, changed: false, busy: `${error.message} ${error.hint}` };
    }
  });
}

/** The fleet's shops with what to do with each (see fleetMove). */
export function fleetMembers(service: ProvisioningService, shops: readonly Pick<ShopRecord, 'id' | 'name' | 'updatedAt'>[], which: 'all' | 'failed'): FleetMember[] {
  return shops.map((shop) => {
    const move: FleetMove = fleetMove(shop, service.store.runs.latestForShop(shop.id), which);
    return { shopId: shop.id, name: shop.name, move };
  });
}
