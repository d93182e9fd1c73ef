import { randomUUID } from 'node:crypto';
import axios, { type AxiosInstance, type AxiosResponse } from 'axios';
import { type RequestContext, type HttpAnswer, errorFromAnswer, errorFromNetwork, isForeignAnswer } from './classify';
import { ErpNextError, type ServerMessage } from './errors';
import { decodeServerMessages } from './frappeBody';
import { type LimiterOptions, type SiteLimiter, limiterFor } from './limiter';
import { type RetryPolicy, withRetry } from './retry';
import type { SiteUrl } from './siteUrl';
import { type TlsSettings, createSiteAgents } from './tls';

export interface Credentials {
  apiKey: string;
  apiSecret: string;
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** One structured line per ERPNext call: never headers, never the secret. */
export interface ClientLogEntry {
  level: LogLevel;
  message: string;
  correlationId: string;
  data: Record<string, unknown>;
}

export interface TransportOptions {
  site: SiteUrl;
  credentials: Credentials;
  /** Names ERPNext builds (warehouses, cost centers…) are created in this language (CONTRACT §1.3). */
  language?: string;
  timeoutMs?: number;
  tls?: TlsSettings;
  limits?: Partial<LimiterOptions>;
  /** A limiter of its own instead of the one this process shares for the site. */
  limiter?: SiteLimiter;
  retry?: Partial<RetryPolicy>;
  log?: (entry: ClientLogEntry) => void;
  /** Called before each automatic retry (the engine shows the step as "retrying"). */
  onRetry?: (event: { attempt: number; delayMs: number; code: string }) => void;
  /** Called with each ERPNext answer as it arrives, before the caller sees it (metrics, fault-injection tests). */
  onAnswer?: (answer: { method: RequestSpec['method']; path: string; status: number }) => void;
  /** Supplies correlation ids tied to the caller's context (a step attempt); random when absent. */
  nextCorrelationId?: () => string | undefined;
  signal?: AbortSignal;
  userAgent?: string;
}

export interface CallOptions {
  timeoutMs?: number;
  /** Safe to send twice. Defaults: GET/PUT/DELETE yes, POST no. */
  idempotent?: boolean;
  retry?: Partial<RetryPolicy> | false;
  signal?: AbortSignal;
  correlationId?: string;
  /** Send without credentials (ping: tells "a Frappe site answers" apart from "the key is wrong"). */
  anonymous?: boolean;
  /** Skip the write guards (the guards' own requests, e.g. the site lease). */
  unguarded?: boolean;
  /** Keep `modified` in an update: ERPNext then refuses it if the document changed since (compare-and-swap). */
  sendModified?: boolean;
}

/** Runs before every attempt of a request that may write; throws to stop it from being sent. */
export type WriteGuard = (spec: RequestSpec) => Promise<void> | void;

export interface RequestSpec {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  params?: Record<string, string | number | undefined>;
  body?: unknown;
}

export interface Answer {
  status: number;
  body: Record<string, unknown>;
  /** Notes ERPNext attached to a successful answer (e.g. the Customer rename note). */
  notes: ServerMessage[];
  correlationId: string;
}

function headerMap(response: AxiosResponse): Record<string, string | undefined> {
  const map: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(response.headers ?? {})) map[key.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value == null ? undefined : String(value);
  return map;
}

function toAnswer(response: AxiosResponse<string>): HttpAnswer {
  const text = typeof response.data === 'string' ? response.data : '';
  const headers = headerMap(response);
  let json: unknown;
  if (/json/i.test(headers['content-type'] ?? '') || /^\s*[{[]/.test(text)) {
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
  }
  return { status: response.status, headers, json, text };
}

export class Transport {
  private readonly http: AxiosInstance;
  private readonly limiter: SiteLimiter;
  private readonly writeGuards = new Set<WriteGuard>();

  constructor(private readonly options: TransportOptions) {
    const timeout = options.timeoutMs ?? 30_000;
    const agents = createSiteAgents(options.site.baseUrl, options.tls ?? {}, timeout);
    this.limiter = options.limiter ?? limiterFor(options.site.origin, options.limits);
    this.http = axios.create({
      baseURL: options.site.baseUrl,
      timeout,
      ...agents,
      // Proxies are chosen by our agents (with CONNECT tunnels); axios's own proxy support is off.
      proxy: false,
      // A redirected POST silently becomes a GET: never follow, tell the installer the right address.
      maxRedirects: 0,
      responseType: 'text',
      transformResponse: [(data: unknown) => data],
      validateStatus: () => true,
      withCredentials: false,
      headers: {
        Accept: 'application/json',
        'Accept-Language': options.language ?? 'en',
        'User-Agent': options.userAgent ?? 'pos-provisioner',
      },
    });
  }

  get siteUrl(): SiteUrl {
    return this.options.site;
  }

  /** A check that must pass before anything that may change the site is sent (lock fence, site lease). */
  addWriteGuard(guard: WriteGuard): () => void {
    this.writeGuards.add(guard);
    return () => this.writeGuards.delete(guard);
  }

  /** Runs the write guards ahead of a write known to come (a claim on the site is then ready when it is sent). */
  prepareWrite(): Promise<void> {
    return this.checkGuards({ method: 'POST', path: '' }, {});
  }

  private async checkGuards(spec: RequestSpec, callOptions: CallOptions): Promise<void> {
    if (spec.method === 'GET' || callOptions.unguarded) return;
    try {
      for (const guard of this.writeGuards) await guard(spec);
    } catch (error) {
      // Whatever the guard met (even a lost answer of its own), this request never left.
      if (error instanceof ErpNextError) error.requestSent = false;
      throw error;
    }
  }

  async request(spec: RequestSpec, callOptions: CallOptions = {}): Promise<Answer> {
    const correlationId = callOptions.correlationId ?? this.options.nextCorrelationId?.() ?? randomUUID().slice(0, 13);
    const idempotent = callOptions.idempotent ?? spec.method !== 'POST';
    const signal = AbortSignal.any([this.options.signal, callOptions.signal].filter((s): s is AbortSignal => Boolean(s)));
    const context: RequestContext = { method: spec.method, path: spec.path, correlationId };
    const send = async (attempt: number) => {
      await this.checkGuards(spec, callOptions);
      return this.limiter.run(() => this.sendOnce(spec, context, attempt, callOptions, signal), signal, spec.method === 'GET');
    };
    if (callOptions.retry === false) return send(1);
    return withRetry(send, {
      policy: { ...this.options.retry, ...callOptions.retry },
      signal,
      // A write whose answer was lost may have been committed: only the caller can look before resending it.
      shouldRetry: (error) => error.transient && (idempotent || !error.outcomeUnknown),
      onRetry: ({ attempt, delayMs, error }) => {
        this.log('warn', `${spec.method} ${spec.path} will retry in ${delayMs} ms (${error.code})`, correlationId, {
          attempt,
          delayMs,
          code: error.code,
          status: error.status,
        });
        this.options.onRetry?.({ attempt, delayMs, code: error.code });
      },
    });
  }

  private async sendOnce(spec: RequestSpec, context: RequestContext, attempt: number, callOptions: CallOptions, signal: AbortSignal): Promise<Answer> {
    const started = performance.now();
    let response: AxiosResponse<string>;
    try {
      response = await this.http.request<string>({
        method: spec.method,
        url: spec.path,
        params: spec.params,
        data: spec.body === undefined ? undefined : JSON.stringify(spec.body),
        headers: {
          ...(callOptions.anonymous ? {} : { Authorization: `token ${this.options.credentials.apiKey}:${this.options.credentials.apiSecret}` }),
          'X-Correlation-Id': context.correlationId,
          ...(spec.body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        timeout: callOptions.timeoutMs,
        signal,
      });
    } catch (cause) {
      const error = errorFromNetwork(cause, context);
      this.log('warn', `${spec.method} ${spec.path} failed: ${error.code}`, context.correlationId, { ...this.facts(spec, started, attempt), code: error.code });
      throw error;
    }
    const answer = toAnswer(response);
    const facts = { ...this.facts(spec, started, attempt), status: answer.status };
    if (answer.status >= 300 && answer.status < 400) {
      const location = answer.headers.location ?? 'another address';
      this.log('warn', `${spec.method} ${spec.path} → ${answer.status} redirect`, context.correlationId, facts);
      throw new ErpNextError({ code: 'invalid_url', status: answer.status, ...context, message: `The site redirects to ${location}. Use that address as the site URL.` });
    }
    if (answer.status >= 400 || isForeignAnswer(answer)) {
      const error = errorFromAnswer(answer, context);
      // A 404 is how a lookup learns that a record does not exist yet: not an error worth alarming anyone.
      const level = error.code === 'not_found' ? 'info' : error.transient ? 'warn' : 'error';
      this.log(level, `${spec.method} ${spec.path} → ${answer.status} ${error.excType ?? error.code}`, context.correlationId, {
        ...facts,
        code: error.code,
        excType: error.excType,
        serverMessage: error.serverMessage,
      });
      throw error;
    }
    const body = answer.json as Record<string, unknown>;
    this.options.onAnswer?.({ method: spec.method, path: spec.path, status: answer.status });
    const notes = decodeServerMessages(body._server_messages);
    this.log('info', `${spec.method} ${spec.path} → ${answer.status}`, context.correlationId, { ...facts, ...(notes.length ? { notes: notes.map((n) => n.message) } : {}) });
    return { status: answer.status, body, notes, correlationId: context.correlationId };
  }

  private facts(spec: RequestSpec, started: number, attempt: number): Record<string, unknown> {
    return { method: spec.method, path: spec.path, durationMs: Math.round(performance.now() - started), attempt };
  }

  private log(level: ClientLogEntry['level'], message: string, correlationId: string, data: Record<string, unknown>): void {
    this.options.log?.({ level, message, correlationId, data });
  }
}
