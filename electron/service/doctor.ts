import type { ErpNextClient } from '../erpnext/client';
import { type DiagnoseScope, diagnose, repairActions, repairSteps } from '../engine/doctor';
import { planContextFor } from '../engine/plan';
import type { PlanContext } from '../engine/plan/types';
import { SiteReads } from '../engine/reads/siteReads';
import { clockIn } from '../engine/stepContext';
import type { Store } from '../store';
import { type DoctorReport, type RepairPlan, healthOf } from '../../shared/doctor';
import type { ShopRecord } from '../../shared/model';
import { RunStatus, StepStatus } from '../../shared/status';
import { companyAbbreviation } from '../../shared/shop/validate';
import { StepId } from '../../shared/steps/catalog';

export class ShopNotProvisionedError extends Error {
  readonly hint = 'Run the shop to the end first (Start, or `pos-provisioner run`): the doctor checks what a run set up.';
  constructor(shopName: string) {
    super(`"${shopName}" has not been provisioned yet: there is nothing to check.`);
    this.name = 'ShopNotProvisionedError';
  }
}

export class DoctorWriteRefused extends Error {
  constructor(method: string, path: string) {
    super(`The doctor only reads: it refused to send ${method} ${path}.`);
    this.name = 'DoctorWriteRefused';
  }
}

/** What the shop's latest finished run left: the doctor checks a shop only once a run set it up. */
export function provisionedScope(store: Store, shop: ShopRecord): DiagnoseScope {
  const run = store.runs.listForShop(shop.id).find((r) => r.status === RunStatus.Completed || r.status === RunStatus.Partial);
  if (!run) throw new ShopNotProvisionedError(shop.name);
  const demo = store.runs.steps(run.id).find((step) => step.stepId === StepId.DemoItems);
  return { demoItemsMade: demo?.status === StepStatus.Succeeded };
}

/**
 * The site read the way a run reads it (same batched readers, fresh for this check), on a client that
 * refuses every write: the doctor's "zero writes" is enforced here, not only tested.
 */
export async function withReadOnlySite<T>(client: ErpNextClient, shop: ShopRecord, now: Date, work: (p: PlanContext) => Promise<T>): Promise<T> {
  client.transport.addWriteGuard(async (request) => {
    throw new DoctorWriteRefused(request.method, request.path);
  });
  const reads = new SiteReads(client);
  try {
    const p = await planContextFor(reads, shop.config, companyAbbreviation(shop.config), (zone) => clockIn(zone, now).date);
    return await work(p);
  } finally {
    reads.dispose();
  }
}

export async function doctorReport(p: PlanContext, shop: ShopRecord, scope: DiagnoseScope, now: Date): Promise<DoctorReport> {
  const findings = await diagnose(p, scope);
  return { shopId: shop.id, shopName: shop.name, checkedAt: now.toISOString(), health: healthOf(findings), findings };
}

/** The findings, and what a repair would write for the ones it may fix (from the steps' own plans). */
export async function repairPlanFor(p: PlanContext, shop: ShopRecord, scope: DiagnoseScope, now: Date): Promise<RepairPlan> {
  const report = await doctorReport(p, shop, scope, now);
  const steps = repairSteps(report.findings);
  return { report, steps, actions: steps.length ? await repairActions(p, steps) : [], manual: report.findings.filter((f) => f.repairStep === null) };
}
