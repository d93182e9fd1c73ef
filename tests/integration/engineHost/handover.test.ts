import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Sandbox, startSandbox } from '../../../sandbox';
import type { Question } from '../../../electron/engineHost/protocol';
import type { RunView } from '../../../shared/runView';
import { SHOP_FILE } from '../../support/engineHarness';
import { type EngineWorld, engineWorld } from '../../support/engineProcess';

// The engine process has no windows: for a handover PDF it hands the sheet's HTML to main (which prints it).

let sandbox: Sandbox | undefined;
let world: EngineWorld | undefined;
afterEach(async () => {
  await world?.supervisor.shutdown();
  await sandbox?.stop();
  world = sandbox = undefined;
});

describe('the handover sheet in the app', () => {
  it('the engine asks main to print the sheet to PDF, with its HTML and a .pdf name, and answers with where main saved it', async () => {
    sandbox = await startSandbox();
    const asked: Extract<Question, { kind: 'printToPdf' }>[] = [];
    world = engineWorld({
      answer: async (question) => {
        if (question.kind === 'updateStatus') return { enabled: false, detail: 'off in tests' };
        if (question.kind !== 'printToPdf') throw new Error(`unexpected question ${question.kind}`);
        asked.push(question);
        return { path: path.join('/chosen', question.options.defaultName), format: 'pdf' };
      },
    });
    await world.supervisor.start();
    const { apiKey, apiSecret } = sandbox.users.provisioner;
    const site = await world.supervisor.call('saveSite', { url: sandbox.url, apiKey, apiSecret });
    const siteId = (site as { value: { id: string } }).value.id;
    const shop = await world.supervisor.call('saveShop', { siteId, config: SHOP_FILE });
    const shopId = (shop as { value: { shop: { id: string } } }).value.shop.id;
    await world.supervisor.call('startRun', shopId);
    await expect.poll(() => world!.updates.at(-1)?.view.run.status, { timeout: 30_000 }).toBe('COMPLETED');
    const saved = await world.supervisor.call('saveHandoverSheet', { shopId });
    expect(saved).toEqual({ ok: true, value: { path: expect.stringMatching(/^\/chosen\/Corner Cafe handover \d{4}-\d\d-\d\d\.pdf$/), format: 'pdf' } });
    expect(asked).toHaveLength(1);
    expect(asked[0]!.options.title).toBe('Handover sheet for Corner Cafe');
    expect(asked[0]!.options.html).toContain('Corner Cafe: your POS is set up');
    expect(asked[0]!.options.html).not.toContain(apiSecret);
    const view = world.updates.at(-1)!.view as RunView;
    expect(asked[0]!.options.html).toContain(view.run.id.slice(0, 8));
  }, 60_000);
});
