import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type FleetShopRow, parseFleet } from '../../shared/fleet';
import { FleetRun, defaultFleetConcurrency } from '../service/fleet';
import { fleetMembers, saveFleetShops } from '../service/fleetImport';
import type { CommandEnv } from './commands';
import { ExitCode, UsageError } from './exitCodes';
import { finalOf, type FleetOutput, HumanFleetOutput, JsonFleetOutput } from './fleetOutput';
import { resolveSite } from './sites';

/**
 * The fleet's exit code, for a job runner: 130 when interrupted (every shop paused, `fleet` again
 * resumes); else 1 when any shop FAILED (or could not start); 75 when any is run by another process;
 * 2 when any is PARTIAL; 0 when all are COMPLETED.
 */
export function fleetExitCode(rows: readonly FleetShopRow[], interrupted: boolean): number {
  const finals = rows.map(finalOf);
  if (interrupted || finals.includes('PAUSED')) return ExitCode.Interrupted;
  if (finals.some((f) => f === 'FAILED' || f === 'ERROR')) return ExitCode.Failed;
  if (finals.includes('BUSY')) return ExitCode.Locked;
  if (finals.includes('PARTIAL')) return ExitCode.Partial;
  return ExitCode.Completed;
}

function readFleetFile(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`Cannot read the fleet file ${file}: ${(error as Error).message}`);
  }
}

/**
 * fleet --file FILE: every shop of a CSV or JSON fleet file, each its own run, up to --concurrency at
 * once against one site. Every row is validated before anything is saved or sent.
 */
export async function fleetCommand(env: CommandEnv, concurrency: number | undefined): Promise<number> {
  const file = env.options.file;
  if (!file) throw new UsageError('fleet needs --file FILE: a .csv (see examples/fleet.csv) or a .json list of shop files');
  const parsed = parseFleet(readFleetFile(file), file);
  if (!parsed.ok) throw new UsageError(`The fleet file ${file} has ${parsed.issues.length} problem(s); nothing was sent:`, parsed.issues.map((i) => i.text));
  const output: FleetOutput = env.options.json ? new JsonFleetOutput() : new HumanFleetOutput();
  for (const warning of parsed.warnings) output.message(`warning: ${warning.text}`);
  const { site, sandbox } = await resolveSite(env.service, env.options.site, env.options.db);
  try {
    if (sandbox) output.message(`No ERPNext site given: using the built-in sandbox at ${sandbox.url}`);
    const saved = saveFleetShops(env.service, site.id, parsed.shops);
    const busy = new Map(saved.flatMap((s) => (s.busy && s.shop ? [[s.shop.id, s.busy] as const] : [])));
    const members = fleetMembers(env.service, saved.flatMap((s) => (s.shop ? [s.shop] : [])), 'all').map((m) => ({ ...m, busy: busy.get(m.shopId) ?? null }));
    const inFlight = concurrency ?? defaultFleetConcurrency(site.url, env.service.clientLimits);
    const fleet = new FleetRun(env.service, members, { concurrency: inFlight, onChange: (row) => output.row(row), onEvent: (shop, event) => output.event(shop, event) });
    let interrupted = false;
    env.onInterrupt(() => {
      interrupted = true;
      fleet.pause();
    });
    const relative = path.relative(process.cwd(), file);
    const name = relative && !relative.startsWith('..') ? relative : file;
    output.started(members, inFlight, name);
    const rows = await fleet.run();
    const code = fleetExitCode(rows, interrupted);
    output.finished(rows, code, name);
    return code;
  } finally {
    await sandbox?.stop();
  }
}
