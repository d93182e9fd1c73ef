import fc from 'fast-check';
import { type Actor, createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { type ResumeInto, type RunDeps, type RunMachineEvent, runMachine } from '../../../electron/engine/machine';
import { type Steps, emptyStep, finalStatus, interrupted } from '../../../electron/engine/runState';
import type { ErrorInfo } from '../../../shared/errors';
import { RunStatus, StepStatus } from '../../../shared/status';
import { STEP_CATALOG, STEP_IDS, type StepId } from '../../../shared/steps/catalog';

// The statechart under random sequences of step outcomes, lost connections, sick endpoints, outages,
// kills and resumes, skips, continues and retries. Whatever happens, four things hold.

type Outcome = 'ok' | 'invalid' | 'noAnswer' | 'busy';
type Probe = 'atOnce' | 'later' | 'gaveUp';
type Command = { type: 'START' | 'CONTINUE' | 'RETRY_ALL' | 'CANCEL' | 'KILL' } | { type: 'SKIP'; step: number };

const ERRORS: Record<Exclude<Outcome, 'ok'>, ErrorInfo> = {
  invalid: { code: 'validation_failed', category: 'validation', message: 'refused', hint: 'h' },
  noAnswer: { code: 'network_reset', category: 'transient', message: 'dropped', hint: 'h', noAnswer: true },
  busy: { code: 'service_unavailable', category: 'transient', message: '503', hint: 'h', status: 503 },
};

const fresh = () => Object.fromEntries(STEP_IDS.map((id) => [id, emptyStep(id)])) as Steps;
const critical = new Set(STEP_CATALOG.filter((s) => s.critical).map((s) => s.id));

/** The rule, written independently of runState.finalStatus: what the installer is promised. */
function expectedStatus(steps: Steps): RunStatus {
  const statuses = STEP_IDS.map((id) => ({ id, status: steps[id].status }));
  if (statuses.some(({ id, status }) => critical.has(id) && status !== StepStatus.Succeeded)) return RunStatus.Failed;
  if (statuses.every(({ status }) => status === StepStatus.Succeeded || status === StepStatus.Skipped)) return RunStatus.Completed;
  return RunStatus.Partial;
}

const AT_REST = ['idle', 'paused', 'finished'];
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

class World {
  violations: string[] = [];
  private running = new Map<StepId, number>();
  private succeededSinceReset = new Set<StepId>();
  private executions = new Map<StepId, number>();
  private probes = 0;
  actor!: Actor<typeof runMachine>;

  constructor(
    private readonly outcomes: Outcome[],
    private readonly probeResults: Probe[],
  ) {}

  deps(): RunDeps {
    return {
      executeStep: (stepId, _steps, callbacks, signal) => {
        if ((this.running.get(stepId) ?? 0) > 0) this.violations.push(`${stepId} started while already running`);
        if (this.succeededSinceReset.has(stepId)) this.violations.push(`${stepId} ran again after it succeeded`);
        this.running.set(stepId, 1);
        const n = (this.executions.get(stepId) ?? 0) + 1;
        this.executions.set(stepId, n);
        const outcome = this.outcomes[(STEP_IDS.indexOf(stepId) * 7 + n) % this.outcomes.length] ?? 'ok';
        callbacks.action('working');
        return new Promise((resolve, reject) => {
          const done = () => this.running.set(stepId, 0);
          signal.addEventListener('abort', done, { once: true });
          setTimeout(() => {
            if (signal.aborted) return;
            done();
            if (outcome === 'ok') {
              this.succeededSinceReset.add(stepId);
              resolve({ ok: true });
            } else reject(ERRORS[outcome]);
          }, 0);
        });
      },
      describeFailure: (error) => error as ErrorInfo,
      waitForNetwork: (send: (event: RunMachineEvent) => void) => {
        const probe = this.probeResults[this.probes++ % this.probeResults.length] ?? 'atOnce';
        setTimeout(() => send(probe === 'gaveUp' ? { type: 'NETWORK.GAVE_UP', error: ERRORS.noAnswer } : { type: 'NETWORK.BACK', atOnce: probe === 'atOnce' }), 0);
      },
      now: () => new Date().toISOString(),
    };
  }

  start(steps: Steps, resumeInto: ResumeInto): void {
    this.actor = createActor(runMachine, { input: { steps, resumeInto, maxParallel: 2, deps: this.deps() } });
    this.actor.subscribe((snapshot) => {
      for (const id of STEP_IDS) if (critical.has(id) && snapshot.context.steps[id].status === StepStatus.Skipped) this.violations.push(`critical ${id} skipped`);
    });
    this.actor.start();
  }

  async quiesce(): Promise<void> {
    for (let i = 0; i < 400 && !AT_REST.includes(String(this.actor.getSnapshot().value)); i++) await settle();
  }

  /** A crash: the process dies; a new one restores the run from what was persisted. */
  kill(): void {
    const snapshot = this.actor.getSnapshot();
    this.actor.stop();
    this.running.clear();
    const state = String(snapshot.value);
    const steps = Object.fromEntries(Object.entries(snapshot.context.steps).map(([id, step]) => [id, interrupted(step)])) as Steps;
    this.start(steps, state === 'idle' ? 'idle' : state === 'finished' ? 'finished' : 'paused');
  }

  send(command: Command): void {
    if (command.type === 'KILL') return this.kill();
    if (command.type === 'RETRY_ALL' || (command.type === 'START' && String(this.actor.getSnapshot().value) === 'idle')) this.succeededSinceReset.clear();
    const event: RunMachineEvent = command.type === 'SKIP' ? { type: 'SKIP', stepId: STEP_IDS[command.step % STEP_IDS.length]! } : { type: command.type };
    this.actor.send(event);
  }
}

const outcome = fc.constantFrom<Outcome>('ok', 'ok', 'ok', 'ok', 'invalid', 'noAnswer', 'busy');
const probe = fc.constantFrom<Probe>('atOnce', 'later', 'gaveUp');
const command = fc.oneof(
  fc.constantFrom<Command>({ type: 'START' }, { type: 'CONTINUE' }, { type: 'RETRY_ALL' }, { type: 'CANCEL' }, { type: 'KILL' }),
  fc.nat(10).map((step): Command => ({ type: 'SKIP', step })),
);

describe('run statechart, random histories', () => {
  it('keeps the final-status rule, never runs a step twice at once, never skips a critical step, never re-runs a succeeded step unless asked', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(outcome, { minLength: 1, maxLength: 40 }), fc.array(probe, { minLength: 1, maxLength: 6 }), fc.array(command, { maxLength: 12 }), async (outcomes, probes, commands) => {
        const world = new World(outcomes, probes);
        world.start(fresh(), 'idle');
        world.send({ type: 'START' });
        await world.quiesce();
        for (const next of commands) {
          world.send(next);
          await world.quiesce();
        }
        world.send({ type: 'CONTINUE' });
        await world.quiesce();
        const snapshot = world.actor.getSnapshot();
        world.actor.stop();
        expect(world.violations).toEqual([]);
        if (snapshot.value === 'finished') expect(finalStatus(snapshot.context.steps)).toBe(expectedStatus(snapshot.context.steps));
      }),
      { numRuns: 300 },
    );
  }, 60_000);
});
