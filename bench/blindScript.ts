// The yardstick of issue 8: the recorded minimal happy path (../shared/erpnext/recorded/happy-path), sent
// one request after another with names made unique, no look-before-write and no client of ours (plain
// fetch). What our run does beyond it (every check, the claim on the site) must be paid for by parallelism.
import { clockIn } from '../electron/engine/stepContext';
import { loadSuite } from '../tests/support/recorded';
import type { SandboxUser } from '../sandbox/types';

export interface Names {
  company: string;
  abbr: string;
}

/** The same shop, for our run: what the happy path creates, in the shop file's words. */
export function equivalentShop({ company, abbr }: Names) {
  return {
    company: { name: company, abbr, country: 'United States', currency: 'USD' },
    warehouses: { main: 'Main Store', pos: 'Cafe Store' },
    demoItems: [{ code: `${abbr}-ESPRESSO`, name: 'Espresso', price: 2.5 }],
    customer: `${company} Walk-in`,
    pos: { profileName: `${company} Till 1`, paymentMethods: [{ mode: 'Cash', default: true }], openingBalances: { Cash: 50 } },
  };
}

function unique(text: string, { company, abbr }: Names, today: { date: string; datetime: string }): string {
  return text
    .replaceAll('Corner Cafe', company)
    .replaceAll(' - CC', ` - ${abbr}`)
    .replaceAll('CC-ESPRESSO', `${abbr}-ESPRESSO`)
    .replaceAll('"abbr":"CC"', `"abbr":"${abbr}"`)
    .replaceAll(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/g, today.datetime)
    .replaceAll(/"posting_date": "\d{4}-\d{2}-\d{2}"/g, `"posting_date": "${today.date}"`);
}

/** Sends the recorded happy path (its successful exchanges) in order; returns the wall time in ms. */
export async function blindScript(url: string, user: SandboxUser, names: Names, timeZone: string | null = 'America/New_York'): Promise<number> {
  const today = clockIn(timeZone);
  const exchanges = loadSuite('happy-path').filter((exchange) => exchange.response.status < 400);
  const auth = `token ${user.apiKey}:${user.apiSecret}`;
  const started = performance.now();
  for (const { request } of exchanges) {
    const target = new URL(url + unique(request.path, names, today).split('/').map(encodeURIComponent).join('/'));
    for (const [key, value] of Object.entries(request.query ?? {})) target.searchParams.set(key, unique(String(value), names, today));
    const body = request.json === null ? undefined : unique(JSON.stringify(request.json), names, today);
    const response = await fetch(target, { method: request.method, headers: { Accept: 'application/json', Authorization: auth, ...(body ? { 'Content-Type': 'application/json' } : {}) }, body });
    const text = await response.text();
    if (!response.ok) throw new Error(`blind script: ${request.method} ${request.path} → ${response.status} ${text.slice(0, 300)}`);
  }
  return performance.now() - started;
}
