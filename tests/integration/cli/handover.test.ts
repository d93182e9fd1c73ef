import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Sandbox, startSandbox } from '../../../sandbox';
import { cliWorld, runCli } from '../../support/cli';
import { SHOP_FILE } from '../../support/engineHarness';

let sandbox: Sandbox;
afterEach(async () => sandbox?.stop());

describe('pos-provisioner handover', () => {
  it('writes the owner’s sheet of the finished run, with the helpdesk line from settings.json; refuses a run that has not finished', async () => {
    sandbox = await startSandbox();
    const world = cliWorld(sandbox, SHOP_FILE);
    const out = path.join(world.dir, 'handover.html');
    const before = await runCli(['handover', '--out', out, '--db', world.db], { env: world.env });
    expect(before.code).toBe(64);
    expect(before.stderr).toMatch(/No shop is recorded/);

    // Interrupted mid-run: the run exists but has not finished.
    const killed = await runCli(world.args('run', '--json'), { env: world.env, onEvent: (event, child) => event.type === 'step.started' && event.stepId === 'step_2_company' && child.kill('SIGKILL') });
    expect(killed.signal).toBe('SIGKILL');
    const early = await runCli(['handover', '--out', out, '--db', world.db, '--shop', world.shopFile], { env: world.env });
    expect(early.code).toBe(64);
    expect(early.stderr).toMatch(/"Corner Cafe" has no finished run yet\. Let the run finish \(or Continue it\), then make the handover sheet\./);

    expect((await runCli(world.args('continue'), { env: world.env })).code).toBe(0);
    const noHelpdesk = await runCli(['handover', '--out', out, '--db', world.db], { env: world.env });
    expect(noHelpdesk.code).toBe(0);
    expect(noHelpdesk.stdout).toMatch(/Handover sheet for "Corner Cafe" \(run [0-9a-f]{8}, COMPLETED\) written to .*handover\.html/);
    expect(noHelpdesk.stdout).toMatch(/note: the sheet has no helpdesk line; set "helpdesk" in .*settings\.json/);
    expect(readFileSync(out, 'utf8')).toContain('Ask the installer who set up this till.');

    writeFileSync(path.join(world.dir, 'settings.json'), JSON.stringify({ helpdesk: 'Call 0800 123 456' }));
    const sheet = await runCli(['handover', '--out', out, '--db', world.db, '--shop', world.shopFile, '--json'], { env: world.env });
    expect(sheet.code).toBe(0);
    expect(sheet.events).toEqual([{ type: 'message', text: expect.stringMatching(/^Handover sheet for "Corner Cafe"/) }]);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('Call 0800 123 456');
    expect(html).toContain(`${sandbox.url}/app/point-of-sale`);
    expect(html).not.toContain(sandbox.users.provisioner.apiSecret);
    expect((await runCli(['handover', '--db', world.db], { env: world.env })).stderr).toMatch(/handover needs --out FILE/);
  }, 60_000);
});
