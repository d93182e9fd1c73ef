import { describe, expect, it } from 'vitest';
import { fleetExitCode } from '../../../electron/cli/fleet';
import { countFinal } from '../../../electron/cli/fleetOutput';
import { fleetMove } from '../../../electron/service/fleet';
import type { FleetShopRow, FleetShopState } from '../../../shared/fleet';
import type { RunStatus } from '../../../shared/status';

const shop = (updatedAt: string) => ({ updatedAt });
const run = (status: RunStatus, createdAt = '2026-01-02T00:00:00.000Z') => ({ status, createdAt });

describe('what a fleet does with each shop', () => {
  it('Start all: a new run for a new shop, resume a stopped one, nothing for one COMPLETED with its configuration', () => {
    const before = shop('2026-01-01T00:00:00.000Z');
    expect(fleetMove(before, null, 'all')).toBe('start');
    expect(fleetMove(before, run('NOT_STARTED'), 'all')).toBe('start');
    expect(fleetMove(before, run('IN_PROGRESS'), 'all')).toBe('continue');
    expect(fleetMove(before, run('FAILED'), 'all')).toBe('continue');
    expect(fleetMove(before, run('PARTIAL'), 'all')).toBe('continue');
    expect(fleetMove(before, run('COMPLETED'), 'all')).toBe('skip');
    // Edited after its run began: a new run applies (and re-checks) the new configuration.
    expect(fleetMove(shop('2026-01-03T00:00:00.000Z'), run('COMPLETED'), 'all')).toBe('start');
  });

  it('Continue failed: only FAILED and PARTIAL runs', () => {
    const s = shop('2026-01-01T00:00:00.000Z');
    expect(['NOT_STARTED', 'IN_PROGRESS', 'COMPLETED', 'FAILED', 'PARTIAL'].map((status) => fleetMove(s, run(status as RunStatus), 'failed'))).toEqual(['skip', 'skip', 'skip', 'continue', 'continue']);
    expect(fleetMove(s, null, 'failed')).toBe('skip');
  });
});

const row = (state: FleetShopState, runStatus: RunStatus = 'COMPLETED'): FleetShopRow => ({ shopId: state, name: state, state, runStatus, phase: null, progress: 0, step: null, startedAt: null, finishedAt: null, message: null });

describe('the fleet’s exit code and summary', () => {
  it('0 all COMPLETED (also those already done), 2 any PARTIAL, 75 any busy elsewhere, 1 any FAILED or not startable, 130 interrupted', () => {
    expect(fleetExitCode([row('finished'), row('skipped')], false)).toBe(0);
    expect(fleetExitCode([row('finished'), row('finished', 'PARTIAL')], false)).toBe(2);
    expect(fleetExitCode([row('finished', 'PARTIAL'), row('busy')], false)).toBe(75);
    expect(fleetExitCode([row('finished', 'PARTIAL'), row('busy'), row('finished', 'FAILED')], false)).toBe(1);
    expect(fleetExitCode([row('error', 'NOT_STARTED')], false)).toBe(1);
    expect(fleetExitCode([row('finished', 'FAILED'), row('paused', 'IN_PROGRESS')], false)).toBe(130);
    expect(fleetExitCode([row('finished')], true)).toBe(130);
  });

  it('counts per final status', () => {
    expect(countFinal([row('finished'), row('skipped'), row('finished', 'FAILED'), row('queued', 'NOT_STARTED'), row('paused', 'IN_PROGRESS')])).toEqual({ COMPLETED: 2, FAILED: 1, 'NOT STARTED': 1, PAUSED: 1 });
  });
});
