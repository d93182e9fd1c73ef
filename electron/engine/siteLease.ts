import { createHash } from 'node:crypto';
import type { ErpNextClient } from '../erpnext/client';
import { ErpNextError } from '../erpnext/errors';
import type { CallOptions } from '../erpnext/transport';
import type { Doc } from '../erpnext/types';
import type { Logger } from '../logging/logger';
import { ErrorCategory } from '../../shared/errors';

export interface SiteLeaseOptions {
  /** How long a claim lasts without renewal: a machine that vanished frees the shop after this. */
  ttlMs: number;
}

export const DEFAULT_LEASE: SiteLeaseOptions = { ttlMs: 3 * 60_000 };

export interface LeaseHolder {
  /** This shop on this machine's data folder: the same holder may take its own claim back after a crash. */
  holderId: string;
  host: string;
  shopName: string;
  runId?: string;
}

interface LeaseBody extends LeaseHolder {
  app: 'pos-provisioner';
  expiresAt: string;
}

const DOCTYPE = 'Tag';
/** Frappe names are at most 140 characters; long company names keep a hash so the name stays unique. */
const MAX_NAME = 140;
/**
 * Lease requests never wait for the write guard (they are the guard) and are never resent blindly: a
 * compare-and-swap resent after a lost answer always fails; the lease reads again instead.
 */
const UNGUARDED: CallOptions = { unguarded: true, retry: false };

export function leaseName(shopName: string): string {
  const name = `POS Provisioner lease: ${shopName}`;
  if (name.length <= MAX_NAME) return name;
  return `${name.slice(0, MAX_NAME - 11)}~${createHash('sha256').update(shopName).digest('hex').slice(0, 10)}`;
}

function parse(doc: Doc): LeaseBody | null {
  try {
    const body = JSON.parse(String(doc.description ?? '')) as LeaseBody;
    return body.app === 'pos-provisioner' && typeof body.expiresAt === 'string' ? body : null;
  } catch {
    return null;
  }
}

function shopBusy(holder: LeaseBody): ErpNextError {
  const until = new Date(holder.expiresAt);
  return new ErpNextError({
    code: 'shop_busy',
    message: `This shop is being provisioned from ${holder.host} (another computer) right now.`,
    hint: `Let that run finish there. If ${holder.host} is gone, its claim on the shop expires at ${until.toLocaleTimeString()} (${until.toISOString()}); start again after that.`,
  });
}

/**
 * A claim on the shop that ERPNext itself enforces, so two machines cannot provision one shop at once:
 * a Tag with a name derived from the shop (Tag is named by its creator, so a second insert of that name
 * is refused as a duplicate by the database), holding who claims it and until when. Renewed while the run
 * goes, removed at its end; an expired claim, or our own after a crash, is taken over with a
 * compare-and-swap on `modified`.
 */
export class SiteLease {
  private modified: string | null = null;
  private expiresAt = 0;
  private unavailable = false;
  private inFlight: Promise<void> | null = null;

  constructor(
    private readonly client: () => ErpNextClient,
    private readonly holder: LeaseHolder,
    private readonly logger: Logger,
    private readonly options: SiteLeaseOptions = DEFAULT_LEASE,
  ) {}

  get name(): string {
    return leaseName(this.holder.shopName);
  }

  get held(): boolean {
    return this.modified !== null;
  }

  /**
   * Claims the shop, or throws `shop_busy` naming who holds it. Reads first, then inserts or takes over
   * with a compare-and-swap; a lost answer on either is settled by reading again (a few rounds).
   */
  async acquire(runId?: string): Promise<void> {
    if (runId) this.holder.runId = runId;
    if (this.unavailable) return;
    let lastError: unknown = null;
    for (let round = 0; round < 4; round++) {
      const doc = await this.read();
      const settled = doc ? await this.takeOverIfFree(doc) : await this.insert();
      if (settled === true) return;
      lastError = settled;
    }
    throw lastError;
  }

  /** Before a write: claims or renews when less than half the claim is left (one at a time for parallel steps). */
  ensure(): Promise<void> {
    if (this.unavailable || (this.held && Date.now() < this.expiresAt - this.options.ttlMs / 2)) return Promise.resolve();
    this.inFlight ??= (this.held ? this.renew() : this.acquire()).finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  /** Extends the claim; if it changed meanwhile, it is read again (and may turn out taken: `shop_busy`). */
  async renew(): Promise<void> {
    if (!this.held || this.unavailable) return;
    try {
      this.hold(await this.client().update(DOCTYPE, this.name, { description: this.describe(), modified: this.modified }, { ...UNGUARDED, sendModified: true }));
    } catch (error) {
      if (!(error instanceof ErpNextError) || !(error.code === 'timestamp_mismatch' || error.code === 'not_found' || error.outcomeUnknown)) throw error;
      this.modified = null;
      await this.acquire();
    }
  }

  /** Best effort: a claim left behind expires by itself. */
  async release(): Promise<void> {
    if (!this.held) return;
    const modified = this.modified;
    this.modified = null;
    try {
      await this.client().delete(DOCTYPE, this.name, { ...UNGUARDED, retry: false });
    } catch (error) {
      if (error instanceof ErpNextError && error.code === 'not_found') return;
      // Deleting a Tag needs System Manager; anyone may expire it instead.
      await this.client()
        .update(DOCTYPE, this.name, { description: this.describe(new Date(0)), modified }, { ...UNGUARDED, sendModified: true, retry: false })
        .catch(() => this.logger.warn(`Could not release the claim on the shop (${this.name}); it expires by itself`));
    }
  }

  private async read(): Promise<Doc | null> {
    try {
      return await this.client().getDoc(DOCTYPE, this.name, UNGUARDED);
    } catch (error) {
      if (error instanceof ErpNextError && error.code === 'not_found') return null;
      throw error;
    }
  }

  /** true when held (or leases are unavailable); the error when the outcome must be read again. */
  private async insert(): Promise<true | ErpNextError> {
    try {
      this.hold(await this.client().insert(DOCTYPE, { name: this.name, description: this.describe() }, UNGUARDED));
      return true;
    } catch (error) {
      if (this.permissionProblem(error)) return true;
      if (error instanceof ErpNextError && (error.alreadyExists || error.outcomeUnknown)) return error;
      throw error;
    }
  }

  private async takeOverIfFree(doc: Doc): Promise<true | ErpNextError> {
    const current = parse(doc);
    const ours = current?.holderId === this.holder.holderId;
    const live = current !== null && Date.parse(current.expiresAt) > Date.now();
    if (live && !ours) throw shopBusy(current);
    // Ours and still valid (our own write whose answer was lost, or a claim from before a crash): keep it.
    if (live && ours) {
      this.hold(doc, Date.parse(current.expiresAt));
      return true;
    }
    try {
      this.hold(await this.client().update(DOCTYPE, this.name, { description: this.describe(), modified: doc.modified }, { ...UNGUARDED, sendModified: true }));
      if (!ours) this.logger.info(`Took over an expired claim on the shop${current ? ` from ${current.host}` : ''}`);
      return true;
    } catch (error) {
      if (this.permissionProblem(error)) return true;
      // Changed since we read it (someone else, or our own lost write): read again and decide.
      if (error instanceof ErpNextError && (error.code === 'timestamp_mismatch' || error.code === 'not_found' || error.outcomeUnknown)) return error;
      throw error;
    }
  }

  private permissionProblem(error: unknown): boolean {
    if (!(error instanceof ErpNextError) || error.category !== ErrorCategory.Permission) return false;
    this.unavailable = true;
    this.logger.warn('The API user may not create Tags, so the shop cannot be claimed on the site: two computers could provision it at once. Give the user the role to create Tags to close this gap.');
    return true;
  }

  private hold(doc: Doc, expiresAt = Date.now() + this.options.ttlMs): void {
    this.modified = String(doc.modified ?? '');
    this.expiresAt = expiresAt;
  }

  private describe(expires = new Date(Date.now() + this.options.ttlMs)): string {
    const body: LeaseBody = { app: 'pos-provisioner', ...this.holder, expiresAt: expires.toISOString() };
    return JSON.stringify(body);
  }
}
