import type { ErpNextClient } from '../../erpnext/client';
import type { Doc } from '../../erpnext/types';

/**
 * ERPNext 15's own "Delete Transactions" of a company (erpnext/setup/doctype/transaction_deletion_record):
 * a submitted Transaction Deletion Record is Queued; start_deletion_tasks makes it Running and a
 * background job chain deletes the company's bins and every transaction of the company (stock entries
 * with the stock ledger ERPNext keeps after a cancel, POS documents, GL entries…), then Completed (or
 * Failed, with an error_log). ERPNext deletes these records with the company (company.py on_trash).
 */
export const DELETION_DOCTYPE = 'Transaction Deletion Record';

export interface DeletionOptions {
  /** How often to read the record's status while ERPNext works. */
  pollMs?: number;
  /** How long to wait for Completed before stopping (undo run again goes on waiting for the same record). */
  timeoutMs?: number;
  log?: (message: string, data?: Record<string, unknown>) => void;
}

const ACTIVE = ['Queued', 'Running', 'Failed'];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A record of the company's still to finish (first: one another undo submitted and did not see end). */
async function findActive(client: ErpNextClient, company: string): Promise<Doc | null> {
  const records = await client.list(DELETION_DOCTYPE, { fields: ['name', 'status', 'docstatus'], filters: [['company', '=', company], ['docstatus', '<', 2]], orderBy: 'creation desc', limitPageLength: 0 });
  return records.find((r) => Number(r.docstatus) === 1 && ACTIVE.includes(String(r.status ?? ''))) ?? records.find((r) => Number(r.docstatus) === 0) ?? null;
}

/** Submits a new record, or the draft an earlier undo left; a lost answer is found by looking again. */
async function submitRecord(client: ErpNextClient, company: string, draft: Doc | null): Promise<Doc> {
  try {
    if (draft) return await client.submit(DELETION_DOCTYPE, draft.name);
    return await client.insert(DELETION_DOCTYPE, { company, docstatus: 1 });
  } catch (error) {
    const found = await findActive(client, company).catch(() => null);
    if (found && Number(found.docstatus) === 1) return found;
    throw error;
  }
}

export class TransactionDeletionError extends Error {
  constructor(message: string, readonly hint: string) {
    super(message);
  }
}

async function waitForCompleted(client: ErpNextClient, name: string, options: DeletionOptions): Promise<Doc> {
  const pollMs = options.pollMs ?? 2_000;
  const timeoutMs = options.timeoutMs ?? 10 * 60_000;
  const until = Date.now() + timeoutMs;
  for (;;) {
    const record = await client.getDoc(DELETION_DOCTYPE, name);
    const status = String(record.status ?? '');
    if (status === 'Completed') return record;
    if (status === 'Failed') {
      const log = String(record.error_log ?? '').replace(/<[^>]+>/g, ' ').trim().split('\n').filter(Boolean).at(-1) ?? 'no error log';
      throw new TransactionDeletionError(`ERPNext's ${DELETION_DOCTYPE} ${name} failed: ${log}`, `Open ${DELETION_DOCTYPE} ${name} in ERPNext to see why; run undo again when it is fixed: it resumes the same record.`);
    }
    if (Date.now() >= until) {
      throw new TransactionDeletionError(
        `ERPNext's ${DELETION_DOCTYPE} ${name} is still ${status || 'not started'} after ${timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} s` : `${timeoutMs} ms`} of waiting`,
        `ERPNext deletes transactions in a background job (is its worker running?). Run undo again later: it waits for the same record, it does not start another.`,
      );
    }
    await sleep(pollMs);
  }
}

export interface DeletionOutcome {
  name: string;
  /** Submitted by this undo (false: an earlier undo's record, resumed). */
  submitted: boolean;
  /** What ERPNext deleted, by doctype (its summary table). */
  deleted: Record<string, number>;
}

/**
 * Deletes the transactions of a company this app created, ERPNext's way, idempotently: a record an
 * earlier undo submitted (Queued, Running, Failed) is resumed and waited for; none is submitted twice.
 */
export async function deleteCompanyTransactions(client: ErpNextClient, company: string, options: DeletionOptions = {}): Promise<DeletionOutcome> {
  const log = options.log ?? (() => undefined);
  const existing = await findActive(client, company);
  const resumed = existing !== null && Number(existing.docstatus) === 1;
  const record = resumed ? existing : await submitRecord(client, company, existing);
  log(resumed ? `${DELETION_DOCTYPE} ${record.name} of ${company} found ${String(record.status)}: going on with it` : `Submitted ${DELETION_DOCTYPE} ${record.name} for ${company}`, { record: record.name });
  const status = String(record.status ?? '');
  // ERPNext's form starts (or resumes) a Queued or Failed record with start_deletion_tasks ("Start / Resume").
  if (status === 'Queued' || status === 'Failed' || status === '') {
    await client.runDocMethod(DELETION_DOCTYPE, record.name, 'start_deletion_tasks');
    log(`Started ${DELETION_DOCTYPE} ${record.name}: waiting for ERPNext to complete it`, { record: record.name });
  }
  const done = await waitForCompleted(client, record.name, options);
  const deleted = Object.fromEntries(((done.doctypes as Doc[] | undefined) ?? []).filter((r) => Number(r.no_of_docs) > 0).map((r) => [String(r.doctype_name), Number(r.no_of_docs)]));
  log(`${DELETION_DOCTYPE} ${record.name} completed`, { record: record.name, deleted });
  return { name: record.name, submitted: !resumed, deleted };
}

