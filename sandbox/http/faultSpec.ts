import type { FaultRule } from '../types';

// The --faults grammar (documented in README.md):
//   SPEC  := RULE { ";" | newline RULE }      or JSON (one FaultRule or an array)
//   RULE  := [METHOD] PATH "=>" KIND [ARG…] [MODIFIER…]
//   e.g.  POST /api/resource/Company => status 503 x2 ; * /api/* => latency 200
//   KIND may be written with "-" or "_" (commit-late = commit_late).

export class FaultSpecError extends Error {}

const KINDS = ['status', 'rate_limit', 'reset', 'hang', 'hold', 'commit_then_drop', 'commit_late', 'fail_endpoint', 'html', 'error', 'latency'] as const;
const FAIL_ENDPOINT_STATUSES = [417, 500, 503];
const METHOD = /^(GET|POST|PUT|DELETE|PATCH|WRITE|\*)$/i;

function tokenize(text: string): string[] {
  const tokens: string[] = [];
  // bare words, "quoted text" and key="quoted text"
  const re = /(\w+=)?"((?:[^"\\]|\\.)*)"|(\S+)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    tokens.push(m[2] !== undefined ? (m[1] ?? '') + m[2].replace(/\\"/g, '"') : (m[3] ?? ''));
  }
  return tokens;
}

function num(value: string | undefined, what: string, where: string): number {
  const n = Number(value);
  if (value === undefined || !Number.isFinite(n) || n < 0) throw new FaultSpecError(`${where}: ${what} must be a non-negative number, got '${value ?? ''}'`);
  return n;
}

function parseRule(text: string, where: string): FaultRule {
  const arrow = text.indexOf('=>');
  if (arrow < 0) throw new FaultSpecError(`${where}: expected "[METHOD] PATH => KIND …"`);
  const lhs = text.slice(0, arrow).trim().split(/\s+/).filter(Boolean);
  const method = lhs.length > 1 && METHOD.test(lhs[0] ?? '') ? (lhs.shift() as string).toUpperCase() : '*';
  const path = lhs.join(' ');
  if (!path.startsWith('/') && !path.startsWith('*')) throw new FaultSpecError(`${where}: path must start with "/" or "*", got '${path}'`);
  const [rawKind, ...rest] = tokenize(text.slice(arrow + 2));
  const kind = rawKind?.replace(/-/g, '_');
  if (!kind || !(KINDS as readonly string[]).includes(kind)) {
    throw new FaultSpecError(`${where}: unknown kind '${kind ?? ''}' (expected one of ${KINDS.join(', ')})`);
  }
  const rule: FaultRule = { method, path, kind: kind as FaultRule['kind'] };
  const positional: string[] = [];
  for (const token of rest) {
    if (/^x\d+$/.test(token)) rule.times = num(token.slice(1), 'times', where);
    else if (token.startsWith('skip=')) rule.skip = num(token.slice(5), 'skip', where);
    else if (token.startsWith('p=')) rule.probability = num(token.slice(2), 'probability', where);
    else if (/^\d+(\.\d+)?%$/.test(token)) rule.probability = num(token.slice(0, -1), 'probability', where) / 100;
    else if (token === 'first') rule.firstPerRequest = true;
    else if (token.startsWith('id=')) rule.id = token.slice(3);
    else if (token.startsWith('title=')) rule.title = token.slice(6);
    else positional.push(token);
  }
  if (rule.probability !== undefined && rule.probability > 1) throw new FaultSpecError(`${where}: probability must be between 0 and 1`);
  applyArgs(rule, positional, where);
  checkEndpoint(rule, where);
  return rule;
}

function applyArgs(rule: FaultRule, args: string[], where: string): void {
  const [a, b, c] = args;
  switch (rule.kind) {
    case 'status': rule.status = num(a, 'status', where); break;
    case 'rate_limit': if (a !== undefined) rule.retryAfterS = num(a, 'retry-after seconds', where); break;
    case 'hang': if (a !== undefined) rule.delayMs = num(a, 'delay', where); break;
    case 'latency': rule.delayMs = num(a, 'delay', where); break;
    case 'commit_late': rule.delayMs = num(a, 'delay', where); break;
    case 'fail_endpoint': rule.status = failEndpointStatus(a ?? '503', where); break;
    case 'html': if (a !== undefined) rule.status = num(a, 'status', where); break;
    case 'error':
      if (a !== undefined && /^\d+$/.test(a)) {
        rule.status = Number(a);
        if (b !== undefined) rule.excType = b;
        if (c !== undefined) rule.message = c;
      } else {
        if (a !== undefined) rule.excType = a;
        if (b !== undefined) rule.message = b;
      }
      return;
    default: if (a !== undefined) throw new FaultSpecError(`${where}: '${rule.kind}' takes no argument, got '${a}'`);
  }
  if (args.length > 1) throw new FaultSpecError(`${where}: unexpected '${args.slice(1).join(' ')}'`);
}

function failEndpointStatus(value: string, where: string): number {
  const status = num(value, 'status', where);
  if (!FAIL_ENDPOINT_STATUSES.includes(status)) throw new FaultSpecError(`${where}: fail_endpoint takes one of ${FAIL_ENDPOINT_STATUSES.join(', ')}, got '${value}'`);
  return status;
}

/** One method and one path: a sick endpoint, not a sick site. */
function checkEndpoint(rule: FaultRule, where: string): void {
  if (rule.kind !== 'fail_endpoint') return;
  if (!rule.method || rule.method === '*' || rule.method === 'WRITE' || /[*?]/.test(rule.path)) {
    throw new FaultSpecError(`${where}: fail_endpoint needs one METHOD and an exact PATH (no wildcards), e.g. "POST /api/resource/POS Profile => fail_endpoint 503"`);
  }
}

function checkRule(value: unknown, where: string): FaultRule {
  const rule = value as FaultRule;
  if (!rule || typeof rule !== 'object' || typeof rule.path !== 'string') throw new FaultSpecError(`${where}: a rule needs a "path"`);
  if (typeof rule.kind === 'string') rule.kind = rule.kind.replace(/-/g, '_') as FaultRule['kind'];
  if (!(KINDS as readonly string[]).includes(rule.kind)) throw new FaultSpecError(`${where}: unknown kind '${String(rule.kind)}'`);
  if (rule.kind === 'fail_endpoint') failEndpointStatus(String(rule.status ?? 503), where);
  checkEndpoint(rule, where);
  return rule;
}

export function parseFaultSpec(spec: string): FaultRule[] {
  const text = spec.trim();
  if (!text) return [];
  if (text.startsWith('{') || text.startsWith('[')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      throw new FaultSpecError(`fault spec is not valid JSON: ${(error as Error).message}`);
    }
    return (Array.isArray(parsed) ? parsed : [parsed]).map((r, i) => checkRule(r, `rule ${i + 1}`));
  }
  return text.split(/;|\n/).map((s) => s.trim()).filter(Boolean).map((s, i) => parseRule(s, `rule ${i + 1} ('${s}')`));
}
