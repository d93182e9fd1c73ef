import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startSandbox } from '../../sandbox';
import { APP_VERSION } from '../cli/main';
import { defaultDataDir } from '../cli/paths';
import { MemorySecretStore } from '../secrets';
import { ProvisioningService } from '../service';
import { startBrowserHost } from './server';

// npm run host -- [--db FILE] [--port N] [--sandbox]
// The desktop UI in a browser, on the real engine: for development, demos and the e2e tests.

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { db: { type: 'string' }, port: { type: 'string' }, sandbox: { type: 'boolean' } } });
  const dbFile = values.db ?? path.join(defaultDataDir(), 'browser-host.sqlite');
  const service = new ProvisioningService({ dbFile, secrets: new MemorySecretStore(), appVersion: APP_VERSION });
  const downloadsDir = mkdtempSync(path.join(tmpdir(), 'pos-downloads-'));
  const host = await startBrowserHost({ service, rendererDir: path.join(ROOT, 'dist', 'renderer'), port: values.port ? Number(values.port) : 5175, downloadsDir, appVersion: APP_VERSION, onNotify: (title, body) => console.log(`[notification] ${title}: ${body}`) });
  console.log(`POS Provisioner (browser host): open ${host.loginUrl()}\n  (a one-time address: it signs one browser in)\n  database: ${dbFile}\n  saved files go to: ${downloadsDir}\n  secrets are kept for this session only`);
  if (values.sandbox) {
    const sandbox = await startSandbox({ dbFile: path.join(path.dirname(dbFile), 'browser-host-sandbox.sqlite') });
    const { apiKey, apiSecret } = sandbox.users.provisioner;
    console.log(`ERPNext sandbox at ${sandbox.url}\n  API key ${apiKey}\n  API secret ${apiSecret}`);
  }
  const stop = () => host.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`browser host: ${(error as Error).message}`);
  process.exit(1);
});
