import { assign, enqueueActions, fromCallback, setup, stopChild } from 'xstate';
import type { ErrorInfo } from '../../shared/errors';
import { StepStatus } from '../../shared/status';
import { STEP_CATALOG, type StepId, stepDefinition } from '../../shared/steps/catalog';
import {
  type Steps,
  activeSteps,
  failed,
  interrupted,
  isCritical,
  isOptional,
  reset,
  siteWasReached,
  started,
  stepsToStart,
  succeeded,
} from './runState';

/** Bump when the meaning of persisted run rows changes. */
export const MACHINE_VERSION = 1;

export type RunMachineEvent =
  | { type: 'START' }
  | { type: 'CONTINUE' }
  | { type: 'RETRY_ALL' }
  | { type: 'SKIP'; stepId: StepId }
  | { type: 'CANCEL' }
  | { type: 'STEP.ACTION'; stepId: StepId; label: string }
  | { type: 'STEP.RETRYING'; stepId: StepId; delayMs: number; code: string }
  | { type: 'STEP.SUCCEEDED'; stepId: StepId; outputs: Record<string, unknown> }
  | { type: 'STEP.FAILED'; stepId: StepId; error: ErrorInfo }
  | { type: 'NETWORK.PROBE'; at: string; error?: ErrorInfo }
  | { type: 'NETWORK.BACK' }
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
  /** Pings the site until it answers (NETWORK.BACK) or the wait limit passes (NETWORK.GAVE_UP). */
  waitForNetwork(send: (event: RunMachineEvent) => void, signal: AbortSignal): void;
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

const networkProbe = fromCallback<RunMachineEvent, { deps: RunDeps }>(({ input, sendBack }) => {
  const controller = new AbortController();
  input.deps.waitForNetwork((event) => !controller.signal.aborted && sendBack(event), controller.signal);
  return () => controller.abort();
});

const setStep = (context: RunMachineContext, stepId: StepId, update: (step: Steps[StepId]) => Steps[StepId]): Steps => ({ ...context.steps, [stepId]: update(context.steps[stepId]) });
const mapSteps = (steps: Steps, update: (step: Steps[StepId]) => Steps[StepId]): Steps => Object.fromEntries(Object.entries(steps).map(([id, step]) => [id, update(step)])) as Steps;
function skipRefusal(stepId: StepId): string {
  const step = stepDefinition(stepId);
  const optional = STEP_CATALOG.filter((s) => s.optional).map((s) => `"${s.title}"`).join(', ');
  return `"${step.title}" (${stepId}) cannot be skipped: it is ${step.critical ? 'critical' : 'required'} for a working till. Only optional steps (${optional}) can be skipped.`;
}

const SKIPPABLE: readonly StepStatus[] = [StepStatus.Pending, StepStatus.Failed];
const childId = (stepId: StepId, attempt: number) => `${stepId}#${attempt}`;

/**
 * The provisioning run. Steps start as soon as what they depend on has succeeded (up to maxParallel at
 * once); a critical failure halts the run, a non-critical one lets independent steps go on; losing the
 * site moves the whole run to waitingForNetwork, from which it resumes by itself.
 */
export const runMachine = setup({
  types: {} as { context: RunMachineContext; events: RunMachineEvent; input: RunMachineInput },
  actors: { stepRunner, networkProbe },
  guards: {
    resumesInto: ({ context }, target: ResumeInto) => context.resumeInto === target,
    isOptionalStep: ({ event }) => event.type === 'SKIP' && isOptional(event.stepId),
    isRunningStep: ({ context, event }) => 'stepId' in event && context.steps[event.stepId].status !== StepStatus.Pending && activeSteps(context.steps).includes(event.stepId),
    lostTheSite: ({ context, event }) => event.type === 'STEP.FAILED' && event.error.category === 'transient' && siteWasReached(context.steps),
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
    recordRetrying: assign({ steps: ({ context, event }) => (event.type === 'STEP.RETRYING' ? setStep(context, event.stepId, (s) => ({ ...s, status: StepStatus.Retrying, currentAction: `Retrying in ${Math.round(event.delayMs / 100) / 10} s (${event.code})` })) : context.steps) }),
    recordSuccess: assign({ steps: ({ context, event }) => (event.type === 'STEP.SUCCEEDED' ? setStep(context, event.stepId, (s) => succeeded(s, event.outputs, context.deps.now())) : context.steps) }),
    recordFailure: assign(({ context, event }) => {
      if (event.type !== 'STEP.FAILED') return {};
      return { steps: setStep(context, event.stepId, (s) => failed(s, event.error, context.deps.now())), halted: context.halted || isCritical(event.stepId) };
    }),
    recordNetworkLoss: assign(({ context, event }) => (event.type === 'STEP.FAILED' ? { networkError: event.error, steps: setStep(context, event.stepId, interrupted) } : {})),
    recordProbe: assign(({ context, event }) => (event.type === 'NETWORK.PROBE' ? { nextProbeAt: event.at, networkError: event.error ?? context.networkError } : {})),
    clearNetwork: assign({ networkError: null, nextProbeAt: null }),
    failPendingForNetwork: assign(({ context, event }) => {
      if (event.type !== 'NETWORK.GAVE_UP') return {};
      const now = context.deps.now();
      const firstPending = Object.values(context.steps).find((s) => s.status === StepStatus.Pending);
      if (!firstPending) return { networkError: null, nextProbeAt: null };
      return { steps: setStep(context, firstPending.stepId, (s) => failed({ ...s, startedAt: s.startedAt ?? now }, event.error, now)), halted: isCritical(firstPending.stepId), networkError: null, nextProbeAt: null };
    }),
    skipStep: assign(({ context, event }) => (event.type === 'SKIP' && SKIPPABLE.includes(context.steps[event.stepId].status) ? { steps: setStep(context, event.stepId, (s) => ({ ...s, status: StepStatus.Skipped, error: null })), refusal: null } : {})),
    refuseSkip: assign(({ event }) => (event.type === 'SKIP' ? { refusal: skipRefusal(event.stepId) } : {})),
    resetAll: assign(({ context }) => ({ steps: mapSteps(context.steps, (s) => reset(s, 'all')), halted: false, refusal: null })),
    resetFailed: assign(({ context }) => ({ steps: mapSteps(context.steps, (s) => reset(s, 'failed')), halted: false, refusal: null })),
  },
}).createMachine({
  id: 'provisioningRun',
  context: ({ input }) => ({ steps: input.steps, maxParallel: input.maxParallel, halted: false, networkError: null, nextProbeAt: null, refusal: null, deps: input.deps, resumeInto: input.resumeInto }),
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
          { guard: 'lostTheSite', target: 'waitingForNetwork', actions: ['recordNetworkLoss', 'stopActiveSteps'] },
          { guard: 'isRunningStep', actions: ['recordFailure', 'startReadySteps'] },
        ],
        SKIP: [{ guard: 'isOptionalStep', actions: ['skipStep', 'startReadySteps'] }, { actions: 'refuseSkip' }],
        CANCEL: { target: 'paused', actions: 'stopActiveSteps' },
      },
    },
    waitingForNetwork: {
      invoke: { src: 'networkProbe', input: ({ context }) => ({ deps: context.deps }) },
      on: {
        'NETWORK.PROBE': { actions: 'recordProbe' },
        'NETWORK.BACK': { target: 'running', actions: 'clearNetwork' },
        'NETWORK.GAVE_UP': { target: 'finished', actions: 'failPendingForNetwork' },
        SKIP: [{ guard: 'isOptionalStep', actions: 'skipStep' }, { actions: 'refuseSkip' }],
        CANCEL: { target: 'paused', actions: 'clearNetwork' },
      },
    },
    paused: {
      on: {
        CONTINUE: { target: 'running', actions: 'resetFailed' },
        START: { target: 'running', actions: 'resetFailed' },
        RETRY_ALL: { target: 'running', actions: 'resetAll' },
        SKIP: [{ guard: 'isOptionalStep', actions: 'skipStep' }, { actions: 'refuseSkip' }],
      },
    },
    finished: {
      on: {
        CONTINUE: { target: 'running', actions: 'resetFailed' },
        RETRY_ALL: { target: 'running', actions: 'resetAll' },
        SKIP: [{ guard: 'isOptionalStep', actions: 'skipStep' }, { actions: 'refuseSkip' }],
      },
    },
  },
});
