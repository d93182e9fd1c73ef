import type { RunSession } from './history';
import type { RunStatus } from './status';

/** Everything the shop owner's handover sheet says (never a secret: no API key, no token). */
export interface HandoverFacts {
  shopName: string;
  company: { name: string; abbr: string; country: string; currency: string };
  site: { displayUrl: string; posUrl: string };
  posProfile: string;
  warehouses: { main: string; pos: string };
  customer: string;
  paymentMethods: { mode: string; isDefault: boolean }[];
  cashiers: string[];
  openingBalances: { mode: string; amount: number }[];
  /** The POS Opening Entry the run left open, if any. */
  openingEntry: string | null;
  created: string[];
  adopted: number;
  changed: string[];
  readiness: { check: string; ok: boolean; detail?: string }[];
  run: { id: string; status: RunStatus; finishedAt: string | null; startedBy: RunSession | null };
  /** The helpdesk line from the app's settings (settings.json "helpdesk"); null when none is set. */
  helpdesk: string | null;
  generatedAt: string;
}
