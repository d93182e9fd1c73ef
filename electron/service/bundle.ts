import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import { strToU8, zip } from 'fflate';
import { type KnownSecret, type Redactor, containsSecret } from '../logging/redact';
import type { Store } from '../store';
import type { ShopRecord, SiteRecord } from '../../shared/model';
import { StepId } from '../../shared/steps/catalog';

export interface BundleInput {
  store: Store;
  shop: ShopRecord;
  site: SiteRecord | null;
  redact: Redactor;
  /** Secrets that must not appear in any byte of the bundle; checked after redaction. */
  secrets: readonly KnownSecret[];
  appVersion: string;
}

/** An API key is an identifier, but only its first characters are needed to recognise it. */
const maskKey = (key: string) => (key.length > 6 ? `${key.slice(0, 4)}…(${key.length} chars)` : '…');

function versions(input: BundleInput): Record<string, unknown> {
  const check = input.store.runs
    .listForShop(input.shop.id)
    .map((run) => input.store.runs.steps(run.id).find((s) => s.stepId === StepId.EngineCheck)?.outputs)
    .find(Boolean);
  return {
    app: input.appVersion,
    node: process.versions.node,
    electron: process.versions.electron ?? null,
    erpnext: check?.erpnextVersion ?? input.site?.lastCheck?.erpnextVersion ?? null,
    frappe: check?.frappeVersion ?? input.site?.lastCheck?.frappeVersion ?? null,
    os: `${os.type()} ${os.release()} (${os.arch()})`,
    exportedAt: new Date().toISOString(),
  };
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The shop's logs as JSON lines, redacted once more, read a page at a time with a pause between pages
 * so the app stays responsive while 100,000+ entries are exported.
 */
async function logLines(input: BundleInput): Promise<string> {
  const lines: string[] = [];
  for (let afterId: number | undefined; ; ) {
    const page = input.store.logs.list({ shopId: input.shop.id, afterId, limit: 5_000 });
    for (const entry of page) lines.push(JSON.stringify(input.redact(entry)));
    if (page.length < 5_000) return `${lines.join('\n')}\n`;
    afterId = page.at(-1)!.id;
    await yieldToEventLoop();
  }
}

async function files(input: BundleInput): Promise<Record<string, string>> {
  const { store, shop, site } = input;
  const runs = store.runs.listForShop(shop.id);
  const steps = runs.flatMap((run) => store.runs.steps(run.id).map((step) => ({ runId: run.id, ...step })));
  return {
    'README.txt': `POS Provisioner support bundle for "${shop.name}".\nlogs.jsonl: one log entry per line (secrets redacted).\nruns.json, steps.json: run and step tables.\nversions.json: app, Node/Electron, ERPNext, Frappe, OS.\nshop.json: the shop configuration. site.json: the site (API key masked, secret never included).\n`,
    'logs.jsonl': await logLines(input),
    'runs.json': JSON.stringify(input.redact(runs), null, 2),
    'steps.json': JSON.stringify(input.redact(steps), null, 2),
    'versions.json': JSON.stringify(versions(input), null, 2),
    'shop.json': JSON.stringify(input.redact({ name: shop.name, config: shop.config, createdAt: shop.createdAt }), null, 2),
    'site.json': JSON.stringify(site ? input.redact({ url: site.url, apiKey: maskKey(site.apiKey), tlsCaFile: site.tlsCaFile, tlsPin: site.tlsPin, lastCheck: site.lastCheck }) : null, null, 2),
  };
}

/**
 * Writes the helpdesk zip. Every file goes through the redactor, then is scanned for each secret (as
 * text, base64 and URL-encoded): if one were still there the export is refused rather than leaked.
 */
export async function writeSupportBundle(input: BundleInput, outFile: string): Promise<{ files: string[]; bytes: number }> {
  const contents = await files(input);
  for (const [name, text] of Object.entries(contents)) {
    if (containsSecret(text, input.secrets)) throw new Error(`Refusing to export: ${name} still contains a secret after redaction.`);
  }
  // fflate's asynchronous zip compresses in worker threads: the main process keeps answering meanwhile.
  const zipped = await new Promise<Uint8Array>((resolve, reject) =>
    zip(Object.fromEntries(Object.entries(contents).map(([name, text]) => [name, strToU8(text)])), { level: 6 }, (error, data) => (error ? reject(error) : resolve(data))),
  );
  await writeFile(outFile, zipped);
  return { files: Object.keys(contents), bytes: zipped.byteLength };
}
