import { randomInt } from 'node:crypto';
import { runInContext } from './core/context';
import { selectDocs } from './core/query';
import { Store, type Doc } from './core/store';
import { registerDoctypes } from './doctypes';
import { setBackgroundJobs } from './doctypes/transactionDeletion';
import { Engine } from './engine';
import { authenticate } from './http/auth';
import { FaultEngine } from './http/faults';
import { startServer } from './http/server';
import { ServerTiming, timingSettings } from './timing';
import { seedBare, seedSetupDone, storeKeys, USER_IDS, type ApiKeys, type UserKey } from './setup/seed';
import type { FaultRule, Sandbox, SandboxOptions, SandboxStats, SandboxUser } from './types';

export type { FaultRule, Sandbox, SandboxOptions, SandboxStats, SandboxUser } from './types';
export { parseFaultSpec, FaultSpecError } from './http/faultSpec';

/** mulberry32: small, fast, deterministic for a given seed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const USER_KEYS = Object.keys(USER_IDS) as UserKey[];

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  registerDoctypes();
  const store = new Store(options.dbFile);
  const random = prng(options.seed ?? randomInt(2 ** 31));
  let clock = options.clock ?? (() => new Date());
  let url = 'http://127.0.0.1';
  let latency = options.latencyMs ?? 0;
  const engine = new Engine({
    store, random, errorShape: options.errorShape ?? 'v15', allowTraceback: options.allowTraceback ?? true,
    versions: options.versions ?? { frappe: '15.74.1', erpnext: '15.70.2' }, clock: () => clock(), siteUrl: () => url,
  });
  const asAdmin = <T>(fn: () => T): T => runInContext(engine.context('Administrator'), fn);
  asAdmin(() => store.transaction(() => {
    if (store.isNew) {
      (options.state === 'bare' ? seedBare : seedSetupDone)(options.users ?? {});
      store.kvSet('state', options.state ?? 'setup-done');
    } else {
      for (const key of USER_KEYS) if (options.users?.[key]) storeKeys(key, options.users[key] as ApiKeys);
    }
  }));

  const timing = new ServerTiming(timingSettings(options.timing, options.timingWorkers, options.timingScale));
  const faults = new FaultEngine(random);
  for (const rule of options.faults ?? []) faults.add(rule);
  const counters = { requests: 0, writes: 0, byRoute: {} as Record<string, number> };
  const stats = (): SandboxStats => ({ ...counters, byRoute: { ...counters.byRoute }, faultsFired: faults.fired });
  const userId = (user: string) => USER_IDS[user as UserKey] ?? user;
  const rolesOf = (user: string): string[] | null => {
    const doc = store.get('User', userId(user));
    return doc ? ((doc.roles as { role: string }[]) ?? []).map((r) => r.role) : null;
  };
  const users = {} as Sandbox['users'];
  const refreshUsers = () => {
    for (const key of USER_KEYS) {
      const k = JSON.parse(store.kvGet(`userkeys:${key}`) ?? '{}') as ApiKeys;
      users[key] = { user: USER_IDS[key], apiKey: k.apiKey, apiSecret: k.apiSecret, roles: rolesOf(key) ?? [] } satisfies SandboxUser;
    }
  };
  refreshUsers();
  const setUserRoles = (user: string, roles: string[]) => {
    const doc = store.get('User', userId(user));
    if (!doc) throw new Error(`no user ${user}`);
    store.put({ ...doc, roles: roles.map((role, i) => ({ doctype: 'Has Role', name: `role-${i + 1}-${role}`, idx: i + 1, role, parent: doc.name, parentfield: 'roles', parenttype: 'User', docstatus: 0 })) });
    refreshUsers();
  };

  const running = await startServer({
    engine, faults, latency: () => latency, stats: counters as SandboxStats, timing,
    shape: () => ({ errorShape: options.errorShape ?? 'v15', allowTraceback: options.allowTraceback ?? true, random }),
    isAdministrator: (header) => { try { return authenticate(store, header) === 'Administrator'; } catch { return false; } },
    control: {
      faults, setLatency: (ms) => { latency = ms; }, latency: () => latency, setClock: (c) => { clock = c; }, now: () => clock(),
      setUserRoles, userRoles: rolesOf, stats, resetStats: () => resetStats(),
      timing: () => timing.current, setTiming: (s) => timing.set(s),
    },
  }, options.port ?? 0);
  const address = running.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  url = `http://127.0.0.1:${port}`;
  const resetStats = () => {
    Object.assign(counters, { requests: 0, writes: 0, byRoute: {} });
    faults.fired = 0;
  };

  return {
    url, port, users,
    faults: { add: (r: FaultRule) => faults.add(r), remove: (id) => faults.remove(id), clear: () => faults.clear(), list: () => faults.list() },
    setLatency: (ms) => { latency = ms; },
    setClock: (c) => { clock = c; },
    setUserRoles,
    setBackgroundJobs: (state) => asAdmin(() => store.transaction(() => setBackgroundJobs(state))),
    setTiming: (profile, o = {}) => timing.set(timingSettings(profile, o.workers ?? timing.current.workers, o.scale ?? timing.current.scale)),
    stats, resetStats,
    db: {
      count: (doctype, filters) => asAdmin(() => selectDocs(doctype, { filters }, false).length),
      get: (doctype, name) => store.get(doctype, name) as Doc | null,
      list: (doctype) => (doctype === 'DefaultValue'
        ? store.db.prepare('SELECT parent, defkey, defvalue FROM defaults ORDER BY parent, defkey').all() as Record<string, unknown>[]
        : store.all(doctype)),
    },
    stop: async () => {
      await running.close();
      store.close();
    },
  };
}
