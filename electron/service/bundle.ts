import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import { AsyncZipDeflate, Zip, ZipDeflate, strToU8 } from 'fflate';
import { type KnownSecret, type Redactor, containsSecret, secretForms } from '../logging/redact';
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

/** Everything but the logs (small): each run through the redactor. */
function tables(input: BundleInput): Record<string, string> {
  const { store, shop, site } = input;
  const runs = store.runs.listForShop(shop.id);
  const steps = runs.flatMap((run) => store.runs.steps(run.id).map((step) => ({ runId: run.id, ...step })));
  return {
    'README.txt': `POS Provisioner support bundle for "${shop.name}".\nlogs.jsonl: one log entry per line (secrets redacted).\nruns.json, steps.json: run and step tables.\nversions.json: app, Node/Electron, ERPNext, Frappe, OS.\nshop.json: the shop configuration. site.json: the site (API key masked, secret never included).\n`,
    'runs.json': JSON.stringify(input.redact(runs), null, 2),
    'steps.json': JSON.stringify(input.redact(steps), null, 2),
    'versions.json': JSON.stringify(versions(input), null, 2),
    'shop.json': JSON.stringify(input.redact({ name: shop.name, config: shop.config, createdAt: shop.createdAt }), null, 2),
    'site.json': JSON.stringify(site ? input.redact({ url: site.url, apiKey: maskKey(site.apiKey), tlsCaFile: site.tlsCaFile, tlsPin: site.tlsPin, lastCheck: site.lastCheck }) : null, null, 2),
  };
}

/** One pass over a page for every form of every secret (what containsSecret checks form by form). */
function anyForm(secrets: readonly KnownSecret[]): RegExp | null {
  const forms = secretForms(secrets);
  return forms.length ? new RegExp(forms.map((form) => form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')) : null;
}

class SecretLeft extends Error {
  constructor(file: string) {
    super(`Refusing to export: ${file} still contains a secret after redaction.`);
  }
}

/**
 * The shop's logs as JSON lines, a page at a time: each page redacted once more (as text: every known
 * secret in every form; fields were redacted when logged), checked, and handed to the compressor, which
 * works in a worker thread while the next page is read — the app stays responsive on 100,000+ entries.
 */
async function streamLogs(input: BundleInput, file: AsyncZipDeflate): Promise<void> {
  const leftover = anyForm(input.secrets);
  for (let afterId: number | undefined; ; ) {
    const page = input.store.logs.jsonLines({ shopId: input.shop.id, afterId, limit: 5_000 });
    const text = page.count ? `${input.redact(page.text) as string}\n` : '';
    if (leftover?.test(text)) throw new SecretLeft('logs.jsonl');
    const last = page.count < 5_000;
    file.push(strToU8(text), last);
    if (last) return;
    afterId = page.lastId!;
    await yieldToEventLoop();
  }
}

/**
 * Writes the helpdesk zip. Every file goes through the redactor, then is scanned for each secret (as
 * text, base64 and URL-encoded): if one were still there the export is refused rather than leaked, and
 * nothing is written.
 */
export async function writeSupportBundle(input: BundleInput, outFile: string): Promise<{ files: string[]; bytes: number }> {
  const small = tables(input);
  for (const [name, text] of Object.entries(small)) if (containsSecret(text, input.secrets)) throw new SecretLeft(name);
  const chunks: Uint8Array[] = [];
  let archive!: Zip;
  const written = new Promise<void>((resolve, reject) => {
    archive = new Zip((error, chunk, final) => {
      if (error) return reject(error);
      chunks.push(chunk);
      if (final) resolve();
    });
  });
  // Level 1: a text log compresses about as well, several times faster than the default.
  const logs = new AsyncZipDeflate('logs.jsonl', { level: 1 });
  archive.add(logs);
  try {
    await streamLogs(input, logs);
  } catch (error) {
    archive.terminate();
    throw error;
  }
  for (const [name, text] of Object.entries(small)) {
    const entry = new ZipDeflate(name, { level: 6 });
    archive.add(entry);
    entry.push(strToU8(text), true);
  }
  archive.end();
  await written;
  const zipped = Buffer.concat(chunks);
  await writeFile(outFile, zipped);
  return { files: ['README.txt', 'logs.jsonl', ...Object.keys(small).filter((name) => name !== 'README.txt')], bytes: zipped.byteLength };
}
