import { createInterface } from 'node:readline/promises';
import { RunNotFinishedError } from '../engine/controller';
import { ShopNotProvisionedError } from '../service/doctor';
import type { DoctorReport } from '../../shared/doctor';
import { type CommandEnv, drive, findShop, onShopSite } from './commands';
import { planText, reportText } from './doctorText';
import { UsageError, exitCodeForHealth } from './exitCodes';

function print(env: CommandEnv, type: string, value: object, lines: string[]): void {
  if (env.options.json) process.stdout.write(`${JSON.stringify({ type, ...value })}\n`);
  else process.stdout.write(`${lines.join('\n')}\n`);
}

function printReport(env: CommandEnv, report: DoctorReport): number {
  const exitCode = exitCodeForHealth(report.health);
  print(env, 'doctor', { ...report, exitCode }, reportText(report));
  return exitCode;
}

async function confirmed(env: CommandEnv): Promise<boolean> {
  if (env.options.yes) return true;
  if (!process.stdin.isTTY || env.options.json) {
    env.output.message('Nothing changed. Run again with --repair --yes to apply this plan.');
    return false;
  }
  const prompt = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return /^y(es)?$/i.test((await prompt.question('Repair now? [y/N] ')).trim());
  } finally {
    prompt.close();
  }
}

/** doctor --repair: the plan first; then (asked, or --yes) the repair run; then the doctor again. */
async function repair(env: CommandEnv, shopId: string): Promise<number> {
  const plan = await env.service.repairPlan(shopId);
  const before = printReport(env, plan.report);
  print(env, 'repair_plan', { steps: plan.steps, actions: plan.actions, manual: plan.manual }, planText(plan));
  if (plan.steps.length === 0 || !(await confirmed(env))) return before;
  const shop = env.service.shop(shopId);
  await drive(env, shop, (id) => env.service.repairShop(id, plan.steps));
  return printReport(env, await env.service.checkShop(shopId));
}

/** doctor [--shop FILE] [--site URL] [--json] [--repair [--yes]]: exit 0 healthy, 2 degraded, 1 cannot sell. */
export async function doctorCommand(env: CommandEnv): Promise<number> {
  if (env.options.yes && !env.options.repair) throw new UsageError('--yes goes with --repair (doctor alone changes nothing)');
  const shop = findShop(env.service, env.options);
  try {
    return await onShopSite(env, shop, async () => (env.options.repair ? repair(env, shop.id) : printReport(env, await env.service.checkShop(shop.id))));
  } catch (error) {
    if (error instanceof ShopNotProvisionedError || error instanceof RunNotFinishedError) throw new UsageError(`${error.message} ${error.hint}`);
    throw error;
  }
}

