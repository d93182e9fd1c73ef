import type { PlanOutcome } from '../../shared/plan';
import { validateShop } from '../../shared/shop/validate';
import { RunLockedError } from '../engine/controller';
import { type CommandEnv, readShopFile } from './commands';
import { ExitCode, UsageError } from './exitCodes';
import { formatPlan } from './planOutput';
import { resolveSite } from './sites';

/** Like `terraform plan -detailed-exitcode`: 0 nothing to do, 2 changes to make, 1 conflicts. */
export const PLAN_EXIT: Record<PlanOutcome, number> = { nothing: ExitCode.Completed, changes: ExitCode.Partial, conflicts: ExitCode.Failed };

/**
 * plan --shop FILE [--site URL] [--json]: what `run` would do, read from the site, nothing written. The
 * shop is saved (as `run` saves it) so that the plan is kept as its preview: the next run says what changed.
 */
export async function planCommand(env: CommandEnv): Promise<number> {
  if (!env.options.shop) throw new UsageError('plan needs --shop FILE');
  const file = readShopFile(env.options.shop);
  const validation = validateShop(file);
  if (!validation.ok) throw new UsageError(`The shop file ${env.options.shop} has ${validation.issues.length} problem(s):`, validation.issues.map((i) => `${i.path}: ${i.message}`));
  // Notes go to stderr: with --json, stdout is the plan document alone.
  const note = (text: string) => process.stderr.write(`${text}\n`);
  for (const warning of validation.warnings) note(`warning: ${warning.path}: ${warning.message}`);
  const { site, sandbox } = await resolveSite(env.service, env.options.site, env.options.db);
  try {
    if (sandbox) note(`No ERPNext site given: planning against the built-in sandbox at ${sandbox.url}`);
    let saved;
    try {
      saved = env.service.saveShop(site.id, file);
    } catch (error) {
      if (!(error instanceof RunLockedError)) throw error;
      note(`pos-provisioner: ${error.message} ${error.hint}`);
      return ExitCode.Locked;
    }
    if (!saved.ok) throw new UsageError('invalid shop file', saved.issues.map((i) => `${i.path}: ${i.message}`));
    const plan = await env.service.planShop(saved.shop.id);
    const code = PLAN_EXIT[plan.outcome];
    process.stdout.write(env.options.json ? `${JSON.stringify({ type: 'plan', exitCode: code, ...plan })}\n` : `${formatPlan(plan)}\n`);
    return code;
  } finally {
    await sandbox?.stop();
  }
}
