import { afterEach, describe, expect, it } from 'vitest';
import { type EngineHarness, engineHarness } from '../../support/engineHarness';

let h: EngineHarness;
afterEach(async () => h?.close());

describe('a full run against the sandbox', () => {
  it('takes a setup-done site to COMPLETED', async () => {
    h = await engineHarness();
    const view = await h.controller().start();
    const failures = view.steps.filter((s) => s.status !== 'succeeded').map((s) => `${s.stepId}: ${s.error?.message} ${s.error?.serverMessage ?? ''}`);
    expect(failures).toEqual([]);
    expect(view.run.status).toBe('COMPLETED');
  });
});
