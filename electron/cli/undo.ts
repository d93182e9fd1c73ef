import { createInterface } from 'node:readline/promises';
import { RunLockedError } from '../engine/controller';
import { type UndoPreview, type UndoResult, type UndoStepResult, describeRecord, describeUndoAction } from '../../shared/undo';
import { type CommandEnv, findShop } from './commands';
import { ExitCode, UsageError } from './exitCodes';
import { isBuiltInSandbox, resolveSite } from './sites';

const MARK: Record<UndoStepResult['outcome'], string> = { done: '✓', 'already-gone': '=', kept: '~', failed: '✗' };

function printPreview(env: CommandEnv, preview: UndoPreview): void {
  if (env.options.json) return void process.stdout.write(`${JSON.stringify({ type: 'undo.preview', ...preview })}\n`);
  const say = (line: string) => env.output.message(line);
  say(`Undo "${preview.shopName}": removes what POS Provisioner created on the site and restores what it changed${preview.resuming ? ' (going on from where the last undo stopped)' : ''}.`);
  preview.actions.forEach((action, i) => say(`  ${String(i + 1).padStart(2)}. ${describeUndoAction(action)}`));
  if (preview.adopted.length) say(`Kept as they were (they existed before, never removed): ${preview.adopted.map(describeRecord).join(', ')}`);
}

function printBlockers(env: CommandEnv, blockers: UndoResult['blockers']): void {
  for (const b of blockers) env.output.message(`  ✗ ${b.doctype} ${b.name} by ${b.owner || 'unknown'} (uses ${b.uses}${b.docstatus === 1 ? ', submitted' : b.docstatus === 2 ? ', cancelled' : ', draft'})`);
}

function printResult(env: CommandEnv, result: UndoResult): void {
  if (env.options.json) return void process.stdout.write(`${JSON.stringify({ type: 'undo.result', ...result })}\n`);
  env.output.message(`Undo ${result.status}: ${result.message}`);
  printBlockers(env, result.blockers);
  if (result.hint) env.output.message(`  ${result.hint}`);
}

/** On a terminal, the installer types the company name; anything else is no. */
async function confirmed(env: CommandEnv, company: string): Promise<boolean> {
  if (env.options.yes) return true;
  if (!process.stdin.isTTY) throw new UsageError('undo removes records from ERPNext and needs a confirmation: not on a terminal, so it cannot ask. Add --yes to confirm (check the list above first, e.g. by running it on a terminal).');
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return (await rl.question(`Type the company name (${company}) to remove it from ERPNext: `)).trim() === company;
  } finally {
    rl.close();
  }
}

export const undoExitCode = (result: UndoResult) => (result.status === 'COMPLETED' || result.status === 'NOTHING_TO_DO' ? ExitCode.Completed : ExitCode.Failed);

/**
 * undo [--shop FILE] [--site URL] [--yes]: lists what it would remove and restore, asks (typed company
 * name) unless --yes, then removes. 0 done, 1 refused or stopped, 75 shop busy, 64 bad input.
 */
export async function undoCommand(env: CommandEnv): Promise<number> {
  const shop = findShop(env.service, env.options);
  const site = env.service.site(shop.siteId);
  const given = env.options.site ?? process.env.ERPNEXT_URL;
  const { site: target, sandbox } = await resolveSite(env.service, given ?? (isBuiltInSandbox(site.url, env.options.db) ? undefined : site.url), env.options.db);
  try {
    if (target.id !== shop.siteId) throw new UsageError(`"${shop.name}" was provisioned on ${site.displayUrl}, not on ${target.displayUrl}: undo only removes what runs recorded on its own site.`);
    const preview = await env.service.previewUndo(shop.id);
    printPreview(env, preview);
    if (preview.blockers.length) {
      printResult(env, { undoId: null, status: 'REFUSED', message: `Nothing was removed: ${preview.blockers.length} transaction(s) by someone else use records of this shop.`, hint: 'Undo never removes real sales or stock moves; cancel or delete them in ERPNext first if the shop really must go.', steps: [], blockers: preview.blockers });
      return ExitCode.Failed;
    }
    if (preview.actions.length === 0) {
      printResult(env, { undoId: null, status: 'NOTHING_TO_DO', message: 'Nothing to undo: no record made by this app is left on the site.', steps: [], blockers: [] });
      return ExitCode.Completed;
    }
    if (!(await confirmed(env, preview.company))) {
      env.output.message('Not confirmed: nothing was removed.');
      return ExitCode.Failed;
    }
    const result = await env.service.undoShop(shop.id, (step, done, total) => {
      if (env.options.json) process.stdout.write(`${JSON.stringify({ type: 'undo.step', done, total, ...step })}\n`);
      else env.output.message(`  ${MARK[step.outcome]} [${done}/${total}] ${step.message}`);
    });
    printResult(env, result);
    return undoExitCode(result);
  } catch (error) {
    if (!(error instanceof RunLockedError)) throw error;
    env.output.message(`${error.message} ${error.hint}`);
    return ExitCode.Locked;
  } finally {
    await sandbox?.stop();
  }
}
