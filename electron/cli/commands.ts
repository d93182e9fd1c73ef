import { readFileSync } from 'node:fs';
import { RunLockedError } from '../engine/controller';
import type { ProvisioningService } from '../service';
import type { ShopRecord } from '../../shared/model';
import type { RunView } from '../../shared/runView';
import { LOG_LEVELS, type LogLevel, RunPhase } from '../../shared/status';
import { isStepId, type StepId } from '../../shared/steps/catalog';
import { validateShop } from '../../shared/shop/validate';
import { ExitCode, UsageError, exitCodeFor } from './exitCodes';
import type { Output } from './output';
import { isBuiltInSandbox, resolveSite } from './sites';

export interface CommandOptions {
  db: string;
  site?: string;
  shop?: string;
  json: boolean;
  step?: string;
  level?: string;
  out?: string;
  /** fleet --file FILE */
  file?: string;
  /** handover --run ID */
  run?: string;
  /** doctor --repair: fix what Repair safely can, after showing the plan. */
  repair?: boolean;
  /** doctor --repair --yes / undo --yes: confirmed without asking. */
  yes?: boolean;
}

export interface CommandEnv {
  service: ProvisioningService;
  output: Output;
  options: CommandOptions;
  /** Cancels a running run (Ctrl-C). */
  onInterrupt(handler: () => void): void;
}

export function readShopFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`Cannot read the shop file ${file}: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`The shop file ${file} is not valid JSON: ${(error as Error).message}`);
  }
}

/** --shop FILE names the shop by its company; without it, the shop most recently worked on. */
export function findShop(service: ProvisioningService, options: CommandOptions): ShopRecord {
  const shops = service.listShops();
  if (options.shop) {
    // Shops are stored under their (trimmed) company name; the file need not be valid to name one.
    const given = (readShopFile(options.shop) as { company?: { name?: unknown } } | null)?.company?.name;
    const name = typeof given === 'string' ? given.trim() : undefined;
    const shop = shops.find((s) => s.name === name);
    if (!shop) throw new UsageError(`No run is recorded for the shop "${name ?? options.shop}" in ${options.db}. Start one with: pos-provisioner run --shop ${options.shop}`);
    return shop;
  }
  const lastWorkedOn = (shop: ShopRecord) => service.store.runs.latestForShop(shop.id)?.updatedAt ?? shop.updatedAt;
  const latest = [...shops].sort((a, b) => lastWorkedOn(b).localeCompare(lastWorkedOn(a)))[0];
  if (!latest) throw new UsageError(`No shop is recorded in ${options.db}. Start with: pos-provisioner run --shop FILE`);
  return latest;
}

/** A run stopped by another machine's claim on the shop, or taken over by another process here. */
const busyElsewhere = (view: RunView) => view.steps.some((step) => step.error?.code === 'shop_busy');

export async function drive(env: CommandEnv, shop: ShopRecord, action: (shopId: string) => Promise<RunView>): Promise<number> {
  let takenOver = false;
  const stop = env.service.onRunUpdate((view, events) => {
    if (view.shopId !== shop.id) return;
    if (events.some((event) => event.type === 'run.lock_lost')) takenOver = true;
    env.output.update(view, events);
  });
  env.onInterrupt(() => env.service.cancelRun(shop.id));
  try {
    const view = await action(shop.id);
    const code = takenOver || busyElsewhere(view) ? ExitCode.Locked : view.run.phase === RunPhase.Paused ? ExitCode.Interrupted : exitCodeFor(view.run.status);
    env.output.result(view, code);
    return code;
  } catch (error) {
    if (error instanceof RunLockedError) {
      env.output.message(`${error.message} ${error.hint}`);
      return ExitCode.Locked;
    }
    throw error;
  } finally {
    stop();
  }
}

/**
 * `run --site NEW` for a shop recorded at another address: if NEW is the same ERPNext site, the shop
 * (with its history and resume point) moves there instead of a second shop record being made.
 */
async function followMovedShop(env: CommandEnv, shopName: string, siteId: string): Promise<void> {
  const elsewhere = env.service.listShops().filter((shop) => shop.name === shopName && shop.siteId !== siteId && !isBuiltInSandbox(env.service.site(shop.siteId).url, env.options.db));
  for (const shop of elsewhere) {
    const moved = await env.service.relocateShop(shop.id, siteId);
    if (moved.same) return env.output.message(moved.message);
    env.output.message(`${moved.message} A separate shop record is used for the new site.`);
  }
}

/** A shop another process is running is not changed under it: say so, exit 75. */
function refusedWhileRunning<T>(env: CommandEnv, work: () => T): T | number {
  try {
    return work();
  } catch (error) {
    if (!(error instanceof RunLockedError)) throw error;
    env.output.message(`${error.message} ${error.hint}`);
    return ExitCode.Locked;
  }
}

/** run --shop FILE: validates the file, registers site and shop, and starts (or resumes) the run. */
export async function runCommand(env: CommandEnv): Promise<number> {
  if (!env.options.shop) throw new UsageError('run needs --shop FILE');
  const file = readShopFile(env.options.shop);
  const validation = validateShop(file);
  if (!validation.ok) throw new UsageError(`The shop file ${env.options.shop} has ${validation.issues.length} problem(s):`, validation.issues.map((i) => `${i.path}: ${i.message}`));
  for (const warning of validation.warnings) env.output.message(`warning: ${warning.path}: ${warning.message}`);
  const { site, sandbox } = await resolveSite(env.service, env.options.site, env.options.db);
  try {
    if (sandbox) env.output.message(`No ERPNext site given: using the built-in sandbox at ${sandbox.url}`);
    else await followMovedShop(env, validation.value.company.name.trim(), site.id);
    const saved = refusedWhileRunning(env, () => env.service.saveShop(site.id, file));
    if (typeof saved === 'number') return saved;
    if (!saved.ok) throw new UsageError('invalid shop file', saved.issues.map((i) => `${i.path}: ${i.message}`));
    return await drive(env, saved.shop, env.service.startRun);
  } finally {
    await sandbox?.stop();
  }
}

/**
 * Works on a recorded shop on its own site (the built-in sandbox is restarted for it); --site (or
 * ERPNEXT_URL) gives the site a new address, checked to be the same ERPNext before the shop moves there.
 */
export async function onShopSite(env: CommandEnv, shop: ShopRecord, work: () => Promise<number>): Promise<number> {
  const site = env.service.site(shop.siteId);
  const given = env.options.site ?? process.env.ERPNEXT_URL;
  const { site: target, sandbox } = await resolveSite(env.service, given ?? (isBuiltInSandbox(site.url, env.options.db) ? undefined : site.url), env.options.db);
  try {
    if (target.id !== shop.siteId) {
      // A new address for the shop's site: move it there (after checking it is the same ERPNext), or stop.
      const moved = await env.service.relocateShop(shop.id, target.id);
      env.output.message(moved.message);
      if (!moved.same) return ExitCode.Usage;
    }
    return await work();
  } finally {
    await sandbox?.stop();
  }
}

/** continue / retry: the same shop's run, on its own site. */
export async function resumeCommand(env: CommandEnv, how: 'continue' | 'retry'): Promise<number> {
  const shop = findShop(env.service, env.options);
  return onShopSite(env, shop, () => drive(env, shop, how === 'continue' ? env.service.continueRun : env.service.retryAll));
}

export function skipCommand(env: CommandEnv): number {
  const stepId = env.options.step;
  if (!stepId || !isStepId(stepId)) throw new UsageError(`skip needs --step ID, one of the step ids (e.g. step_6_demo_items)`);
  const shop = findShop(env.service, env.options);
  const result = refusedWhileRunning(env, () => env.service.skipStep(shop.id, stepId as StepId));
  if (typeof result === 'number') return result;
  if (!result.ok) {
    env.output.message(result.message);
    return ExitCode.Usage;
  }
  env.output.message(`${stepId} will be skipped for "${shop.name}". Run \`pos-provisioner continue\` to go on.`);
  return ExitCode.Completed;
}

export function statusCommand(env: CommandEnv): number {
  const shop = findShop(env.service, env.options);
  const view = env.service.runView(shop.id);
  const code = exitCodeFor(view.run.status);
  env.output.status(view, code);
  return code;
}

export function logsCommand(env: CommandEnv): number {
  const shop = findShop(env.service, env.options);
  const level = env.options.level as LogLevel | undefined;
  if (level && !LOG_LEVELS.includes(level)) throw new UsageError(`--level must be one of ${LOG_LEVELS.join(', ')}`);
  if (env.options.step && !isStepId(env.options.step)) throw new UsageError(`--step must be a step id such as step_2_company`);
  let afterId: number | undefined;
  for (;;) {
    const page = env.service.listLogs({ shopId: shop.id, level, stepId: env.options.step as StepId | undefined, afterId, limit: 5_000 });
    for (const entry of page) {
      process.stdout.write(env.options.json ? `${JSON.stringify(entry)}\n` : `${entry.time} ${entry.level.toUpperCase().padEnd(5)} ${entry.stepId ?? '-'} ${entry.correlationId ?? '-'} ${entry.message}\n`);
    }
    if (page.length < 5_000) return ExitCode.Completed;
    afterId = page.at(-1)!.id;
  }
}

export async function exportLogsCommand(env: CommandEnv): Promise<number> {
  if (!env.options.out) throw new UsageError('export-logs needs --out FILE (a .zip)');
  const shop = findShop(env.service, env.options);
  const { files, bytes } = await env.service.exportBundle(shop.id, env.options.out);
  env.output.message(`Support bundle for "${shop.name}" written to ${env.options.out} (${files.length} files, ${bytes} bytes). It contains no API secret.`);
  return ExitCode.Completed;
}
