import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Sandbox } from '../../sandbox';
import { type ShopExpectation, countsThroughApi } from './duplicates';

export interface FleetShopSpec {
  name: string;
  abbr: string;
  demoItems?: boolean;
}

/** Shop i of a test fleet: "Fleet Cafe 07" (FC07); demo items on every third shop. */
export function fleetShop(i: number, changes: Partial<FleetShopSpec> = {}): FleetShopSpec {
  const n = String(i).padStart(2, '0');
  return { name: `Fleet Cafe ${n}`, abbr: `FC${n}`, demoItems: i % 3 === 0, ...changes };
}

export function fleetCsv(shops: readonly FleetShopSpec[]): string {
  const rows = shops.map((s) => [s.name, s.abbr, 'United States', 'USD', s.demoItems ? 'yes' : 'no', 'Cash*;Credit Card', 'Cash=100'].join(','));
  return ['company,abbr,country,currency,demo_items,payment_methods,opening_balances', ...rows].join('\n');
}

export function writeFleet(dir: string, shops: readonly FleetShopSpec[], name = 'fleet.csv'): string {
  const file = path.join(dir, name);
  writeFileSync(file, fleetCsv(shops));
  return file;
}

export function expectationOf(shop: FleetShopSpec): ShopExpectation {
  const items = shop.demoItems ? ['ESPRESSO', 'CAPPUCCINO', 'CROISSANT', 'WATER'].map((code) => `${shop.abbr}-${code}`) : [];
  return { company: shop.name, customer: 'Walk-in Customer', profile: `${shop.name} POS`, items };
}

/**
 * Every record of every shop of the fleet, counted through ERPNext's REST API: each must be exactly one
 * (the walk-in customer is one for all shops: Customers are site-wide). Also the cashier's default
 * company, which the first shop sets and the others keep.
 */
export async function fleetCountsThroughApi(sandbox: Sandbox, shops: readonly FleetShopSpec[]): Promise<Record<string, number>> {
  const { provisioner } = sandbox.users;
  const all: Record<string, number> = {};
  for (const shop of shops) {
    const counts = await countsThroughApi(sandbox.url, provisioner, expectationOf(shop));
    for (const [what, n] of Object.entries(counts)) all[`${shop.name}: ${what}`] = n;
  }
  const user = await fetch(`${sandbox.url}/api/resource/User/${encodeURIComponent(provisioner.user)}`, { headers: { Authorization: `token ${sandbox.users.administrator.apiKey}:${sandbox.users.administrator.apiSecret}` } });
  const defaults = ((await user.json()) as { data: { defaults?: { defkey: string }[] } }).data.defaults ?? [];
  all['cashier default company rows'] = defaults.filter((row) => row.defkey === 'company').length;
  return all;
}

/** What every count must be: one of each, no draft session. */
export const exactlyOnce = (counts: Record<string, number>) => Object.fromEntries(Object.keys(counts).map((key) => [key, key.endsWith('draftSession') ? 0 : 1]));
