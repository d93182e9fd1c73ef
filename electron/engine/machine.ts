import { assign, enqueueActions, fromCallback, setup, stopChild } from 'xstate';
import { ErrorCategory, ErrorCode, type ErrorInfo, retryingAction } from '../../shared/errors';
import { StepStatus } from '../../shared/status';
import { STEP_CATALOG, type StepId, stepDefinition } from '../../shared/steps/catalog';
import {
  type Steps,
  activeSteps,
  emptyStep,
  endpointFailure,
  failed,
  interrupted,
  isCritical,
  isOptional,
  meansSiteMayBeLost,
  reset,
  siteWasReached,
  started,
  stepsToStart,
  succeeded,
} from './runState';

/** Bump when the meaning of persisted run rows changes. */
export const MACHINE_VERSION = 1;

/**
 * How many times in a row a step may lose its connection while the site itself answers the probe at
 * once before the step fails: a sick endpoint (or a request the server never finishes), not a lost site.
 */
export const MAX_LOST_CYCLES = 3;

export type RunMachineEvent =
  | { type: 'START' }
  | { type: 'CONTINUE' }
  | { type: 'RETRY_ALL' }
  | { type: 'SKIP'; stepId: StepId }
  /** The installer brings a skipped optional step back: pending again, it runs with the run. */
  | { type: 'UNSKIP'; stepId: StepId }
  | { type: 'CANCEL' }
  | { type: 'STEP.ACTION'; stepId: StepId; label: string }
  | { type: 'STEP.RETRYING'; stepId: StepId; delayMs: number; code: string }
  | { type: 'STEP.SUCCEEDED'; stepId: StepId; outputs: Record<string, unknown> }
  | { type: 'STEP.FAILED'; stepId: StepId; error: ErrorInfo }
  | { type: 'NETWORK.PROBE'; at: string; error?: ErrorInfo }
  /** The site answers again; `atOnce` when it answered the very first probe (it was never really gone). */
  | { type: 'NETWORK.BACK'; atOnce?: boolean }
  | { type: 'NETWORK.GAVE_UP'; error: ErrorInfo };

export interface StepCallbacks {
  action(label: string): void;
  retrying(info: { delayMs: number; code: string }): void;
}

export interface RunDeps {
  /** Runs one step body; resolves with its outputs, rejects with an ErpNextError (or a bug). */
  executeStep(stepId: StepId, steps: Steps, callbacks: StepCallbacks, signal: AbortSignal): Promise<Record<string, unknown>>;
  /** Turns whatever a step threw into what the installer sees. */
  describeFailure(error: unknown): ErrorInfo;
  /**
   * Pings the site (at once, then with growing pauses) until it answers (NETWORK.BACK) or the outage,
   * counted from `outageSince`, passes the wait limit (NETWORK.GAVE_UP).
   */
  waitForNetwork(send: (event: RunMachineEvent) => void, signal: AbortSignal, outageSince: number): void;
  now(): string;
}

export type ResumeInto = 'idle' | 'running' | 'waitingForNetwork' | 'paused' | 'finished';

export interface RunMachineInput {
  steps: Steps;
  resumeInto: ResumeInto;
  maxParallel: number;
  deps: RunDeps;
}

export interface RunMachineContext {
  steps: Steps;
  maxParallel: number;
  /** A critical step failed: nothing new starts, running steps finish. */
  halted: boolean;
  networkError: ErrorInfo | null;
  nextProbeAt: string | null;
  /** The step whose failure sent the run to wait for the site, and how often that happened in a row. */
  lostStep: StepId | null;
  lostCycles: Partial<Record<StepId, number>>;
  /** When the current outage began; survives resumes that fail again, reset by progress. */
  outageSince: string | null;
  /** The last command refused (e.g. skipping a critical step), for the caller to report. */
  refusal: string | null;
  resumeInto: ResumeInto;
  deps: RunDeps;
}

const stepRunner = fromCallback<RunMachineEvent, { stepId: StepId; steps: Steps; deps: RunDeps }>(({ input, sendBack }) => {
  const controller = new AbortController();
  const send = (event: RunMachineEvent) => {
    if (!controller.signal.aborted) sendBack(event);
  };
  const { stepId, steps, deps } = input;
  deps
    .executeStep(stepId, steps, { action: (label) => send({ type: 'STEP.ACTION', stepId, label }), retrying: (info) => send({ type: 'STEP.RETRYING', stepId, ...info }) }, controller.signal)
    .then((outputs) => send({ type: 'STEP.SUCCEEDED', stepId, outputs }))
    .catch((error: unknown) => send({ type: 'STEP.FAILED', stepId, error: deps.describeFailure(error) }));
  return () => controller.abort();
});

const networkProbe = fromCallback<RunMachineEvent, { deps: RunDeps; outageSince: number }>(({ input, sendBack }) => {
  const controller = new AbortController();
  input.deps.waitForNetwork((event) => !controller.signal.aborted && sendBack(event), controller.signal, input.outageSince);
  return () => controller.abort();
});

const setStep = (context: RunMachineContext, stepId: StepId, update: (step: Steps[StepId]) => Steps[StepId]): Steps => ({ ...context.steps, [stepId]: update(context.steps[stepId]) });
const mapSteps = (steps: Steps, update: (step: Steps[StepId]) => Steps[StepId]): Steps => Object.fromEntries(Object.entries(steps).map(([id, step]) => [id, update(step)])) as Steps;
export function skipRefusal(stepId: StepId): string {
  const step = stepDefinition(stepId);
  const optional = STEP_CATALOG.filter((s) => s.optional).map((s) => `"${s.title}"`).join(', ');
  return `"${step.title}" (${stepId}) cannot be skipped: it is ${step.critical ? 'critical' : 'required'} for a working till. Only optional steps (${optional}) can be skipped.`;
}

const SKIPPABLE: readonly StepStatus[] = [StepStatus.Pending, StepStatus.Failed];
const childId = (stepId: StepId, attempt: number) => `${stepId}#${attempt}`;

/**
 * The provisioning run. Steps start as soon as what they depend on has succeeded (up to maxParallel at
 * once); a critical failure halts the run, a non-critical one lets independent steps go on. A failure
 * that may mean the site is gone (no answer, a gateway or overload answer, an HTML page after ERPNext
 * had answered) sends the whole run to waitingForNetwork: if the site answers the first probe, the
 * endpoint is what is sick and the step fails; otherwise the run waits and resumes by itself.
 */
export const runMachine = setup({
  types: {} as { context: RunMachineContext; events: RunMachineEvent; input: RunMachineInput },
  actors: { stepRunner, networkProbe },
  guards: {
    resumesInto: ({ context }, target: ResumeInto) => context.resumeInto === target,
    isOptionalStep: ({ event }) => event.type === 'SKIP' && isOptional(event.stepId),
    isRunningStep: ({ context, event }) => 'stepId' in event && context.steps[event.stepId].status !== StepStatus.Pending && activeSteps(context.steps).includes(event.stepId),
    mayHaveLostTheSite: ({ context, event }) => event.type === 'STEP.FAILED' && siteWasReached(context.steps) && meansSiteMayBeLost(event.error),
    endpointIsSick: ({ context, event }) => {
      if (event.type !== 'NETWORK.BACK' || !event.atOnce || !context.lostStep || !context.networkError) return false;
      // An answer (503, 429…) from a site that answers the probe at once: that endpoint is failing. A page from
      // something in between (a captive portal) may already be gone when the probe goes out — with several
      // requests in flight, they met it all at once: like no answer, the step gets a few more tries.
      if (!context.networkError.noAnswer && context.networkError.category !== ErrorCategory.NotErpnext) return true;
      return (context.lostCycles[context.lostStep] ?? 0) + 1 >= MAX_LOST_CYCLES;
    },
    allSettled: ({ context }) => activeSteps(context.steps).length === 0 && (context.halted || stepsToStart(context.steps, context.maxParallel).length === 0),
  },
  actions: {
    startReadySteps: enqueueActions(({ context, enqueue }) => {
      if (context.halted) return;
      const now = context.deps.now();
      let steps = context.steps;
      for (const stepId of stepsToStart(steps, context.maxParallel)) {
        steps = { ...steps, [stepId]: started(steps[stepId], now) };
        enqueue.spawnChild('stepRunner', { id: childId(stepId, steps[stepId].attempts), input: { stepId, steps, deps: context.deps } });
      }
      enqueue.assign({ steps });
    }),
    stopActiveSteps: enqueueActions(({ context, enqueue }) => {
      for (const stepId of activeSteps(context.steps)) enqueue(stopChild(childId(stepId, context.steps[stepId].attempts)));
      enqueue.assign({ steps: mapSteps(context.steps, interrupted) });
    }),
    recordAction: assign({ steps: ({ context, event }) => (event.type === 'STEP.ACTION' ? setStep(context, event.stepId, (s) => ({ ...s, status: StepStatus.Running, currentAction: event.label })) : context.steps) }),
    recordRetrying: assign({ steps: ({ context, event }) => (event.type === 'STEP.RETRYING' ? setStep(context, event.stepId, (s) => ({ ...s, status: StepStatus.Retrying, currentAction: retryingAction(event.delayMs, event.code) })) : context.steps) }),
    recordSuccess: assign(({ context, event }) => {
      if (event.type !== 'STEP.SUCCEEDED') return {};
      const { [event.stepId]: _done, ...lostCycles } = context.lostCycles;
      return { steps: setStep(context, event.stepId, (s) => succeeded(s, event.outputs, context.deps.now())), lostCycles, outageSince: null };
    }),
    recordFailure: assign(({ context, event }) => {
      if (event.type !== 'STEP.FAILED') return {};
      // Another machine holds the shop: no other step may write either.
      const halts = isCritical(event.stepId) || event.error.code === ErrorCode.ShopBusy;
      return { steps: setStep(context, event.stepId, (s) => failed(s, event.error, context.deps.now())), halted: context.halted || halts };
    }),
    recordSiteLoss: assign(({ context, event }) => {
      if (event.type !== 'STEP.FAILED') return {};
      return { networkError: event.error, lostStep: event.stepId, outageSince: context.outageSince ?? context.deps.now(), steps: setStep(context, event.stepId, interrupted) };
    }),
    recordProbe: assign(({ context, event }) => (event.type === 'NETWORK.PROBE' ? { nextProbeAt: event.at, networkError: event.error ?? context.networkError } : {})),
    countLostCycle: assign(({ context, event }) => {
      if (event.type !== 'NETWORK.BACK' || !context.lostStep) return {};
      return { lostCycles: { ...context.lostCycles, [context.lostStep]: event.atOnce ? (context.lostCycles[context.lostStep] ?? 0) + 1 : 0 } };
    }),
    failLostStep: assign(({ context }) => {
      const stepId = context.lostStep;
      if (!stepId || !context.networkError) return {};
      const error = endpointFailure(context.networkError, (context.lostCycles[stepId] ?? 0) + 1);
      const now = context.deps.now();
      return { steps: setStep(context, stepId, (s) => failed({ ...s, startedAt: s.startedAt ?? now }, error, now)), halted: context.halted || isCritical(stepId) };
    }),
    clearNetwork: assign({ networkError: null, nextProbeAt: null, lostStep: null }),
    failAfterOutage: assign(({ context, event }) => {
      if (event.type !== 'NETWORK.GAVE_UP') return {};
      const now = context.deps.now();
      const stepId = context.lostStep ?? Object.values(context.steps).find((s) => s.status === StepStatus.Pending)?.stepId;
      if (!stepId) return { networkError: null, nextProbeAt: null };
      return { steps: setStep(context, stepId, (s) => failed({ ...s, startedAt: s.startedAt ?? now }, event.error, now)), halted: true, networkError: null, nextProbeAt: null, lostStep: null };
    }),
    skipStep: assign(({ context, event }) => (event.type === 'SKIP' && SKIPPABLE.includes(context.steps[event.stepId].status) ? { steps: setStep(context, event.stepId, (s) => ({ ...s, status: StepStatus.Skipped, error: null })), refusal: null } : {})),
    unskipStep: assign(({ context, event }) =>
      event.type === 'UNSKIP' && context.steps[event.stepId].status === StepStatus.Skipped ? { steps: setStep(context, event.stepId, (s) => ({ ...emptyStep(s.stepId), attempts: s.attempts })), refusal: null } : {},
    ),
    refuseSkip: assign(({ event }) => (event.type === 'SKIP' ? { refusal: skipRefusal(event.stepId) } : {})),
    resetAll: assign(({ context }) => ({ steps: mapSteps(context.steps, (s) => reset(s, 'all')), halted: false, refusal: null, lostCycles: {}, outageSince: null })),
    resetFailed: assign(({ context }) => ({ steps: mapSteps(context.steps, (s) => reset(s, 'failed')), halted: false, refusal: null, lostCycles: {}, outageSince: null })),
  },
}).createMachine({
  id: 'provisioningRun',
  context: ({ input }) => ({
    steps: input.steps,
    maxParallel: input.maxParallel,
    halted: false,
    networkError: null,
    nextProbeAt: null,
    lostStep: null,
    lostCycles: {},
    outageSince: null,
    refusal: null,
    deps: input.deps,
    resumeInto: input.resumeInto,
  }),
  initial: 'restoring',
  states: {
    restoring: {
      always: [
        { guard: { type: 'resumesInto', params: 'running' }, target: 'running' },
        { guard: { type: 'resumesInto', params: 'waitingForNetwork' }, target: 'waitingForNetwork' },
        { guard: { type: 'resumesInto', params: 'paused' }, target: 'paused' },
        { guard: { type: 'resumesInto', params: 'finished' }, target: 'finished' },
        { target: 'idle' },
      ],
    },
    idle: {
      on: {
        START: { target: 'running', actions: 'resetAll' },
        SKIP: [{ guard: 'isOptionalStep', actions: 'skipStep' }, { actions: 'refuseSkip' }],
        UNSKIP: { actions: 'unskipStep' },
      },
    },
    running: {
      entry: 'startReadySteps',
      always: { guard: 'allSettled', target: 'finished' },
      on: {
        'STEP.ACTION': { guard: 'isRunningStep', actions: 'recordAction' },
        'STEP.RETRYING': { guard: 'isRunningStep', actions: 'recordRetrying' },
        'STEP.SUCCEEDED': { guard: 'isRunningStep', actions: ['recordSuccess', 'startReadySteps'] },
        'STEP.FAILED': [
          { guard: 'mayHaveLostTheSite', target: 'waitingForNetwork', actions: ['recordSiteLoss', 'stopActiveSteps'] },
          { guard: 'isRunningStep', actions: ['recordFailure', 'startReadySteps'] },
        ],
        SKIP: [{ guard: 'isOptionalStep', actions: ['skipStep', 'startReadySteps'] }, { actions: 'refuseSkip' }],
        UNSKIP: { actions: ['unskipStep', 'startReadySteps'] },
        CANCEL: { target: 'paused', actions: 'stopActiveSteps' },
      },
    },
    waitingForNetwork: {
      invoke: { src: 'networkProbe', input: ({ context }) => ({ deps: context.deps, outageSince: Date.parse(context.outageSince ?? context.deps.now()) }) },
      on: {
        'NETWORK.PROBE': { actions: 'recordProbe' },
        'NETWORK.BACK': [
          { guard: 'endpointIsSick', target: 'running', actions: ['failLostStep', 'clearNetwork'] },
          { target: 'running', actions: ['countLostCycle', 'clearNetwork'] },
        ],
        'NETWORK.GAVE_UP': { target: 'finished', actions: 'failAfterOutage' },
        SKIP: [{ guard: 'isOptionalStep', actions: 'skipStep' }, { actions: 'refuseSkip' }],
        UNSKIP: { actions: 'unskipStep' },
        CANCEL: { target: 'paused', actions: 'clearNetwork' },
      },
    },
    paused: {
      on: {
        CONTINUE: { target: 'running', actions: 'resetFailed' },
        START: { target: 'running', actions: 'resetFailed' },
        RETRY_ALL: { target: 'running', actions: 'resetAll' },
        SKIP: [{ guard: 'isOptionalStep', actions: 'skipStep' }, { actions: 'refuseSkip' }],
        UNSKIP: { actions: 'unskipStep' },
      },
    },
    finished: {
      on: {
        CONTINUE: { target: 'running', actions: 'resetFailed' },
        RETRY_ALL: { target: 'running', actions: 'resetAll' },
        SKIP: [{ guard: 'isOptionalStep', actions: 'skipStep' }, { actions: 'refuseSkip' }],
        UNSKIP: { actions: 'unskipStep' },
      },
    },
  },
});
