import { route } from './api/router';
import { runInContext, type RequestContext } from './core/context';
import { formatDate, TimestampSource } from './core/clock';
import type { FrappeError } from './core/errors';
import type { Store } from './core/store';
import { cstr } from './core/util';
import { authenticate, rolesOf, sessionCookies } from './http/auth';
import { errorResult, successResult, toFrappeError, type ApiResult, type ShapeOptions } from './http/respond';

// One API request, start to finish and synchronous: authenticate, run the route in one SQLite
// transaction (commit writes, roll back GETs and any error — frappe/app.py sync_database), shape the body.

export interface EngineOptions {
  store: Store;
  errorShape: 'v15' | 'v14';
  allowTraceback: boolean;
  versions: { frappe: string; erpnext: string };
  clock: () => Date;
  random: () => number;
  siteUrl: () => string;
}

export interface ApiRequest {
  method: string;
  path: string;
  authorization?: string;
  form: Record<string, unknown>;
  formError?: FrappeError;
  /** run the request and roll it back whatever its method (to learn its outcome before it is timed) */
  dryRun?: boolean;
}

const HASH_CHARS = '0123456789abcdefghijklmnopqrstuvwxyz';

export class Engine {
  private readonly stamps = new TimestampSource();
  constructor(private readonly opts: EngineOptions) {}

  get store(): Store {
    return this.opts.store;
  }

  setClock(clock: () => Date): void {
    this.opts.clock = clock;
  }

  private timeZone(): string {
    return cstr(this.store.get('System Settings', 'System Settings')?.time_zone) || 'UTC';
  }

  /** A request context for `user`, usable outside HTTP (seeding the starting states). */
  context(user: string): RequestContext {
    const { clock, random } = this.opts;
    return {
      store: this.store, user, roles: rolesOf(this.store, user), log: [], siteUrl: this.opts.siteUrl(), flags: {},
      timestamp: () => this.stamps.next(clock(), this.timeZone()),
      today: () => formatDate(clock(), this.timeZone()),
      year: () => formatDate(clock(), this.timeZone()).slice(0, 4),
      hash: () => Array.from({ length: 10 }, () => HASH_CHARS[Math.floor(random() * 36)]).join(''),
      random,
    };
  }

  private shape(): ShapeOptions {
    return { errorShape: this.opts.errorShape, allowTraceback: this.opts.allowTraceback, random: this.opts.random };
  }

  handle(req: ApiRequest): ApiResult {
    const shape = this.shape();
    let user: string;
    try {
      user = authenticate(this.store, req.authorization);
    } catch (error) {
      const result = errorResult(toFrappeError(error), [], shape);
      result.headers = { 'Set-Cookie': sessionCookies(this.opts.clock(), result.status === 401) };
      return result;
    }
    const context = this.context(user);
    const result = runInContext(context, () => {
      try {
        if (req.formError) throw req.formError;
        const site = { versions: this.opts.versions, v14: this.opts.errorShape === 'v14' };
        const out = this.store.transaction(() => route(req.method, req.path, req.form, site), req.method !== 'GET' && !req.dryRun);
        return successResult(out.key, out.value, context.log, shape, out.status);
      } catch (error) {
        return errorResult(toFrappeError(error), context.log, shape);
      }
    });
    result.headers = { 'Set-Cookie': sessionCookies(this.opts.clock(), false) };
    return result;
  }
}
