import { create } from 'zustand';
import type { ShopCheck, ShopSaveInput, ShopSaved, ShopSummary } from '../../shared/ipc/contract';
import type { ApiError, Result } from '../../shared/ipc/result';
import { api } from '../api';

interface ShopsState {
  /** Shops by site id; absent until loaded. */
  bySite: Record<string, ShopSummary[]>;
  loadErrors: Record<string, ApiError | null>;
  load(siteId: string): Promise<void>;
  save(input: ShopSaveInput): Promise<Result<ShopSaved>>;
  remove(siteId: string, shopId: string): Promise<Result<null>>;
  /** Validates a shop file's text in main (the same checks as the CLI); saves nothing. */
  checkFile(text: string): Promise<Result<ShopCheck>>;
  /** Main asks where to save the shop file; null when the installer cancels. */
  exportFile(shopId: string): Promise<Result<{ path: string } | null>>;
  /** Chart of accounts templates the site offers for a country. */
  chartsFor(siteId: string, country: string): Promise<Result<string[]>>;
  /** The site's enabled Modes of Payment. */
  modesOfPayment(siteId: string): Promise<Result<string[]>>;
}

/** A read replica of each site's shops (with their latest run) plus the commands that change them. */
export const useShops = create<ShopsState>()((set, get) => ({
  bySite: {},
  loadErrors: {},
  load: async (siteId) => {
    const result = await api.listShops(siteId);
    set((state) =>
      result.ok
        ? { bySite: { ...state.bySite, [siteId]: result.value }, loadErrors: { ...state.loadErrors, [siteId]: null } }
        : { loadErrors: { ...state.loadErrors, [siteId]: result.error } },
    );
  },
  save: async (input) => {
    const result = await api.saveShop(input);
    if (result.ok && result.value.saved) await get().load(input.siteId);
    return result;
  },
  remove: async (siteId, shopId) => {
    const result = await api.removeShop(shopId);
    if (result.ok) await get().load(siteId);
    return result;
  },
  checkFile: (text) => api.checkShopFile(text),
  exportFile: (shopId) => api.exportShopFile(shopId),
  chartsFor: (siteId, country) => api.chartsForCountry({ siteId, country }),
  modesOfPayment: (siteId) => api.modesOfPayment(siteId),
}));

export const useShop = (siteId: string, shopId: string) => useShops((state) => state.bySite[siteId]?.find((shop) => shop.id === shopId));
