import { StepStatus } from '../../shared/status';
import { randomUUID } from 'node:crypto';
import type { ErpNextClient } from '../erpnext/client';
import { ErpNextError } from '../erpnext/errors';
import type { Logger } from '../logging/logger';
import { StoreError } from '../store';
import { CATEGORY_OF, ERROR_TEXT, type ErrorInfo } from '../../shared/errors';
import { companyAbbreviation } from '../../shared/shop/validate';
import type { ShopConfig } from '../../shared/shop/schema';
import { StepId, stepDefinition } from '../../shared/steps/catalog';
import type { StepCallbacks } from './machine';
import type { EngineCheckOutput, StepEffects, StepOutputs } from './outputs';
import { STEP_PLANS } from './plan';
import type { PlanContext, PlanItem, StepPlan } from './plan/types';
import { preflightFailure, preflightOnce, stepsStillToRun } from './preflight';
import type { SiteReads } from './reads/siteReads';
import type { Steps } from './runState';
import { type EffectLedger, type StepContext, type WriteJournal, clockIn } from './stepContext';
import { createStepScope, stepScope } from './stepScope';
import { STEP_BODIES } from './steps';

export interface ExecutorDeps {
  client: ErpNextClient;
  logger: Logger;
  shop: ShopConfig;
  /** The site's clock (tests move it to "another day"). */
  now?: () => Date;
  /** The shop's journal of creates sent without an answer yet. */
  writes: WriteJournal;
  /** The shop's effects record (what was created, adopted, changed), for undo. */
  ledger: EffectLedger;
  serverTimeoutMs: number;
  /** The run's reads (one per Start/Continue/Retry: the site may have changed while the run rested). */
  reads: SiteReads;
  /** The plan this command's preflight made of the steps still to run (saved with the run, compared with a preview). */
  onPreflight?: (plans: StepPlan[]) => void;
}

function outputOf(steps: Steps, stepId: StepId): Record<string, unknown> | null {
  const step = steps[stepId];
  return step.status === StepStatus.Succeeded ? step.outputs : null;
}

const DONE: readonly StepStatus[] = [StepStatus.Succeeded, StepStatus.Skipped];

/**
 * The steps still to run are planned all at once, so their reads go out together and each step finds its
 * data ready: once the engine check passed, and again after each step (what its writes changed is read
 * again ahead of the next steps; everything else is still in the run's reads). Plans only read. When a
 * plan shows a write to come, the write guards (the claim on the site) are settled ahead of it too.
 */
function readAhead(deps: ExecutorDeps, steps: Steps, ctx: StepContext, check: EngineCheckOutput): void {
  // Steps running now have read what they need already: what their own writes change they read themselves.
  const pending = (Object.keys(STEP_PLANS) as StepId[]).filter((id) => id !== StepId.EngineCheck && id !== ctx.stepId && !DONE.includes(steps[id].status) && !deps.reads.running.has(id));
  const p = planContextOf(deps, ctx, check);
  const writes = (items: readonly PlanItem[]) => items.some((planned) => planned.action === 'create' || planned.action === 'change');
  const warmUp = () => (deps.reads.startWarmUp() ? deps.client.transport.prepareWrite().catch(() => undefined) : undefined);
  const scope = createStepScope(ctx.stepId, `${ctx.correlationId}.ahead`, () => undefined);
  void stepScope.run(scope, () => {
    // A missing company means this run will write: the claim on the site goes out before the reads it
    // would otherwise queue behind (the engine check read the company beside the roles).
    const company = deps.reads.knownCompany(ctx.shop.company.name, ctx.abbr);
    if (company && !company.company) void warmUp();
    return deps.reads.ahead(() =>
      Promise.allSettled(
        pending.map(async (id) => {
          if (writes(await STEP_PLANS[id](p))) await warmUp();
        }),
      ),
    );
  });
}

function planContextOf(deps: ExecutorDeps, ctx: StepContext, check: EngineCheckOutput): PlanContext {
  return { shop: ctx.shop, abbr: ctx.abbr, reads: deps.reads, apiUser: check.user, setupComplete: check.setupComplete, today: clockIn(check.timeZone, deps.now?.() ?? new Date()).date };
}

/**
 * Before this command's first write: every step still to run is planned, and any conflict stops the run
 * here, all of them named. Runs once per command (after the engine check, or before the first step of a
 * resumed run); its reads are the ones the read-ahead would make, so it costs no extra request.
 */
async function preflight(deps: ExecutorDeps, steps: Steps, ctx: StepContext, check: EngineCheckOutput): Promise<void> {
  const { plans } = preflightOnce(deps.reads, planContextOf(deps, ctx, check), stepsStillToRun(steps), (made) => deps.onPreflight?.(made));
  const failure = preflightFailure(await plans);
  if (failure) throw failure;
}

/** Builds a step's context and runs its body inside the step's log/correlation scope. */
export async function executeStep(deps: ExecutorDeps, stepId: StepId, steps: Steps, callbacks: StepCallbacks, signal: AbortSignal): Promise<Record<string, unknown>> {
  const definition = stepDefinition(stepId);
  const correlationId = `s${definition.index}-${randomUUID().slice(0, 8)}`;
  const effects: StepEffects = { created: [], adopted: [], changed: [] };
  const log = (level: 'debug' | 'info' | 'warn') => (message: string, data?: Record<string, unknown>) => deps.logger.log(level, message, { stepId, correlationId, data });
  const ctx: StepContext = {
    stepId,
    correlationId,
    shop: deps.shop,
    abbr: companyAbbreviation(deps.shop),
    client: deps.client,
    reads: deps.reads,
    signal,
    output: <K extends StepId>(id: K) => {
      const out = outputOf(steps, id);
      if (!out) throw new Error(`Step ${stepId} needs the output of ${id}, which has not succeeded`);
      return out as unknown as StepOutputs[K];
    },
    maybeOutput: <K extends StepId>(id: K) => (outputOf(steps, id) ?? undefined) as StepOutputs[K] | undefined,
    action: (label) => {
      deps.logger.debug(label, { stepId, correlationId });
      callbacks.action(label);
    },
    log: { debug: log('debug'), info: log('info'), warn: log('warn') },
    effects,
    ledger: deps.ledger,
    siteNow: () => clockIn((outputOf(steps, StepId.EngineCheck)?.timeZone as string | null) ?? null, deps.now?.() ?? new Date()),
    writes: deps.writes,
    serverTimeoutMs: deps.serverTimeoutMs,
  };
  deps.logger.info(`${definition.title}: started`, { stepId, correlationId });
  const scope = createStepScope(stepId, correlationId, ({ delayMs, code }) => callbacks.retrying({ delayMs, code }));
  const started = performance.now();
  try {
    // A resumed run checks the steps still to run before writing (Start's check follows the engine check),
    // then reads ahead before its first step.
    if (stepId !== StepId.EngineCheck) await stepScope.run(scope, () => preflight(deps, steps, ctx, ctx.output(StepId.EngineCheck)));
    if (stepId !== StepId.EngineCheck && deps.reads.startPrefetch()) readAhead(deps, steps, ctx, ctx.output(StepId.EngineCheck));
    deps.reads.running.add(stepId);
    const outputs = await stepScope.run(scope, () => (STEP_BODIES[stepId] as (c: StepContext) => Promise<object>)(ctx)).finally(() => deps.reads.running.delete(stepId));
    if (stepId === StepId.EngineCheck) {
      ctx.action('Checking every step before the first change');
      await stepScope.run(scope, () => preflight(deps, steps, ctx, outputs as unknown as EngineCheckOutput));
    }
    deps.reads.startPrefetch();
    readAhead(deps, steps, ctx, stepId === StepId.EngineCheck ? (outputs as unknown as EngineCheckOutput) : ctx.output(StepId.EngineCheck));
    deps.logger.info(`${definition.title}: done in ${Math.round(performance.now() - started)} ms`, { stepId, correlationId, data: { effects } });
    return { ...outputs, effects };
  } catch (error) {
    const info = describeFailure(error);
    deps.logger.error(`${definition.title}: ${info.message}`, { stepId, correlationId, data: { ...info } });
    throw error;
  }
}

/** What the installer sees for anything a step threw: ERPNext errors as classified, bugs as internal errors. */
export function describeFailure(error: unknown): ErrorInfo {
  if (error instanceof ErpNextError) return error.toInfo();
  if (error instanceof StoreError) return { code: 'internal_error', category: CATEGORY_OF.internal_error, message: error.message, hint: error.hint };
  const text = error instanceof Error ? error.message : String(error);
  return { code: 'internal_error', category: CATEGORY_OF.internal_error, message: `${ERROR_TEXT.internal_error.message} (${text})`, hint: ERROR_TEXT.internal_error.hint };
}
