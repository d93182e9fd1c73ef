import type { FaultRule } from '../types';

// Fault injection: rules are tried in order; the first that fires decides what happens to a request.

interface Entry { rule: FaultRule; id: string; matched: number; fired: number }

/** Glob on the decoded path: "*" any run of characters (including "/"), "?" one character. */
export function globToRegExp(glob: string): RegExp {
  const body = glob.split('').map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&'))).join('');
  return new RegExp(`^${body}$`);
}

function methodMatches(ruleMethod: string | undefined, method: string): boolean {
  const m = (ruleMethod ?? '*').toUpperCase();
  if (m === '*') return true;
  if (m === 'WRITE') return method !== 'GET' && method !== 'HEAD';
  return m === method;
}

export class FaultEngine {
  private entries: Entry[] = [];
  private seen = new Set<string>();
  private counter = 0;
  /** Requests held by a 'hold' rule, by rule id: released when the rule goes. */
  private held = new Map<string, (() => void)[]>();
  fired = 0;

  constructor(private readonly random: () => number) {}

  add(rule: FaultRule): string {
    const id = rule.id ?? `f${++this.counter}`;
    this.entries = this.entries.filter((e) => e.id !== id);
    this.entries.push({ rule: { ...rule, id }, id, matched: 0, fired: 0 });
    return id;
  }

  remove(id: string): void {
    this.entries = this.entries.filter((e) => e.id !== id);
    this.release(id);
  }

  clear(): void {
    this.entries = [];
    this.seen.clear();
    for (const id of [...this.held.keys()]) this.release(id);
  }

  /** Resolves once the rule `id` is removed or the faults cleared (at once if it is gone already). */
  released(id: string): Promise<void> {
    if (!this.entries.some((e) => e.id === id)) return Promise.resolve();
    return new Promise((resolve) => this.held.set(id, [...(this.held.get(id) ?? []), resolve]));
  }

  private release(id: string): void {
    const waiting = this.held.get(id) ?? [];
    this.held.delete(id);
    for (const resolve of waiting) resolve();
  }

  list(): FaultRule[] {
    return this.entries.map((e) => ({ ...e.rule }));
  }

  /** The rule that fires for this request, if any (counts it as fired). */
  match(method: string, path: string, body: string): FaultRule | null {
    for (const entry of this.entries) {
      const { rule } = entry;
      if (!methodMatches(rule.method, method) || !globToRegExp(rule.path).test(path)) continue;
      if (rule.times !== undefined && entry.fired >= rule.times) continue;
      entry.matched += 1;
      if (rule.skip !== undefined && entry.matched <= rule.skip) continue;
      if (rule.probability !== undefined && this.random() >= rule.probability) continue;
      if (rule.firstPerRequest) {
        const key = `${entry.id}|${method}|${path}|${body}`;
        if (this.seen.has(key)) continue;
        this.seen.add(key);
      }
      entry.fired += 1;
      this.fired += 1;
      return rule;
    }
    return null;
  }
}
