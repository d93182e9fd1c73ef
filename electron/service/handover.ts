import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Store } from '../store';
import type { HandoverFacts } from '../../shared/handover';
import type { RunRecord, ShopRecord, SiteRecord, StepRecord } from '../../shared/model';
import { RunPhase } from '../../shared/status';
import { StepId } from '../../shared/steps/catalog';
import { companyAbbreviation } from '../../shared/shop/validate';

/** A handover sheet asked of a run that has not finished (it would describe a half-set-up till). */
export class HandoverNotReadyError extends Error {
  readonly hint = 'Let the run finish (or Continue it), then make the handover sheet.';
}

export const SETTINGS_FILE = 'settings.json';

/**
 * The helpdesk's contact line: "helpdesk" in settings.json in the data folder (next to the database),
 * written by whoever deploys the app — the same file that names the update feed.
 */
export function helpdeskContact(dbFile: string): string | null {
  const file = path.join(path.dirname(path.resolve(dbFile)), SETTINGS_FILE);
  if (dbFile === ':memory:' || !existsSync(file)) return null;
  try {
    const value = (JSON.parse(readFileSync(file, 'utf8')) as { helpdesk?: unknown } | null)?.helpdesk;
    return typeof value === 'string' && value.trim() ? value.trim() : null;
  } catch {
    return null;
  }
}

const output = <T>(steps: readonly StepRecord[], id: StepId): Partial<T> => (steps.find((s) => s.stepId === id && s.status === 'succeeded')?.outputs ?? {}) as Partial<T>;

/** The run the sheet describes: the one named, else the shop's latest finished run. */
export function handoverRun(store: Store, shop: ShopRecord, runId?: string): RunRecord {
  const runs = store.runs.listForShop(shop.id);
  const run = runId ? runs.find((r) => r.id === runId || (runId.length >= 6 && r.id.startsWith(runId))) : runs.find((r) => r.phase === RunPhase.Finished);
  if (!run) throw new HandoverNotReadyError(runId ? `"${shop.name}" has no run ${runId}.` : `"${shop.name}" has no finished run yet.`);
  if (run.phase !== RunPhase.Finished) throw new HandoverNotReadyError(`The run ${run.id.slice(0, 8)} of "${shop.name}" has not finished (${run.status.toLowerCase().replace('_', ' ')}).`);
  return run;
}

/** What the sheet says, read from the shop's configuration and what its run recorded on the site. */
export function handoverFacts(store: Store, shop: ShopRecord, site: SiteRecord, run: RunRecord, helpdesk: string | null, now = new Date()): HandoverFacts {
  const steps = store.runs.steps(run.id);
  const profile = output<{ profile: string; cashiers: string[] }>(steps, StepId.PosProfile);
  const session = output<{ openingEntry: string; cashier: string }>(steps, StepId.PosSession);
  const check = output<{ user: string }>(steps, StepId.EngineCheck);
  const { company, pos } = shop.config;
  const cashiers = profile.cashiers?.length ? profile.cashiers : (pos.cashiers ?? (check.user ? [check.user] : []));
  return {
    shopName: shop.name,
    company: { name: company.name, abbr: companyAbbreviation(shop.config), country: company.country, currency: company.currency },
    site: { displayUrl: site.displayUrl, posUrl: `${site.url.replace(/\/+$/, '')}/app/point-of-sale` },
    posProfile: profile.profile ?? pos.profileName ?? `${company.name} POS`,
    warehouses: shop.config.warehouses,
    customer: shop.config.customer,
    paymentMethods: pos.paymentMethods.map((m) => ({ mode: m.mode, isDefault: Boolean(m.default) || pos.paymentMethods.length === 1 })),
    cashiers,
    openingBalances: pos.paymentMethods.map((m) => ({ mode: m.mode, amount: Object.entries(pos.openingBalances ?? {}).find(([mode]) => mode.toLowerCase() === m.mode.toLowerCase())?.[1] ?? 0 })),
    openingEntry: session.openingEntry ?? null,
    created: run.summary?.created ?? [],
    adopted: run.summary?.adopted.length ?? 0,
    changed: run.summary?.changed ?? [],
    readiness: run.summary?.readiness ?? [],
    run: { id: run.id, status: run.status, finishedAt: run.finishedAt, startedBy: store.history.sessions(run.id)[0] ?? null },
    helpdesk,
    generatedAt: now.toISOString(),
  };
}
