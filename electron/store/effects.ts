import type Database from 'better-sqlite3';
import { fromJson, now, toJson } from './json';
import type { LockFence } from './locks';
import { LockLostError } from './runs';

export type EffectKind = 'created' | 'adopted' | 'changed';

/** A record on the site, or a child row we added to one (its parent named). */
export interface EffectTarget {
  doctype: string;
  name: string;
  parent?: { doctype: string; name: string };
}

export interface NewEffect extends EffectTarget {
  kind: EffectKind;
  /** For a change: the field, and its values before and after. */
  field?: string;
  before?: unknown;
  after?: unknown;
}

export interface ShopEffect extends NewEffect {
  id: number;
  shopId: string;
  runId: string | null;
  stepId: string | null;
  field: string;
  recordedAt: string;
  undoneAt: string | null;
  undoNote: string | null;
}

interface Row {
  id: number;
  shop_id: string;
  run_id: string | null;
  step_id: string | null;
  kind: EffectKind;
  doctype: string;
  name: string;
  field: string;
  parent_doctype: string | null;
  parent_name: string | null;
  before_value: string | null;
  after_value: string | null;
  recorded_at: string;
  undone_at: string | null;
  undo_note: string | null;
}

function fromRow(row: Row): ShopEffect {
  return {
    id: row.id,
    shopId: row.shop_id,
    runId: row.run_id,
    stepId: row.step_id,
    kind: row.kind,
    doctype: row.doctype,
    name: row.name,
    field: row.field,
    ...(row.parent_doctype && row.parent_name ? { parent: { doctype: row.parent_doctype, name: row.parent_name } } : {}),
    before: fromJson(row.before_value),
    after: fromJson(row.after_value),
    recordedAt: row.recorded_at,
    undoneAt: row.undone_at,
    undoNote: row.undo_note,
  };
}

const HOLDS_LOCK = 'EXISTS (SELECT 1 FROM run_locks WHERE shop_id = ? AND token = ?)';

/**
 * What runs did on the site, per shop: the undo's only source of truth. Recording is not fenced by the
 * shop lock: it states what this process did on the site, which stays true even when its lock was taken
 * over meanwhile (an answer that came after a pause); losing it would leave the record behind at undo.
 * Undo's progress (markUndone) is fenced. A record recorded again (a retried create, a re-run) stays one row: a change keeps the
 * value from before the first change, unless that change was undone since (then the new before counts).
 */
export class EffectsRepository {
  constructor(private readonly db: Database.Database) {}

  record(shopId: string, effect: NewEffect, context: { runId: string; stepId: string }): void {
    this.db
      .prepare(
        `INSERT INTO shop_effects (shop_id, run_id, step_id, kind, doctype, name, field, parent_doctype, parent_name, before_value, after_value, recorded_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (shop_id, kind, doctype, name, field) DO UPDATE SET
           after_value = excluded.after_value,
           before_value = CASE WHEN undone_at IS NULL THEN before_value ELSE excluded.before_value END,
           run_id = CASE WHEN undone_at IS NULL THEN run_id ELSE excluded.run_id END,
           undone_at = NULL, undo_note = NULL`,
      )
      .run(
        shopId,
        context.runId,
        context.stepId,
        effect.kind,
        effect.doctype,
        effect.name,
        effect.field ?? '',
        effect.parent?.doctype ?? null,
        effect.parent?.name ?? null,
        effect.kind === 'changed' ? JSON.stringify(effect.before ?? null) : null,
        effect.kind === 'changed' ? JSON.stringify(effect.after ?? null) : toJson(effect.after),
        now(),
      );
  }

  list(shopId: string): ShopEffect[] {
    return (this.db.prepare('SELECT * FROM shop_effects WHERE shop_id = ? ORDER BY id').all(shopId) as Row[]).map(fromRow);
  }

  /** Effects not undone yet (undo's cursor). */
  pending(shopId: string): ShopEffect[] {
    return (this.db.prepare('SELECT * FROM shop_effects WHERE shop_id = ? AND undone_at IS NULL ORDER BY id').all(shopId) as Row[]).map(fromRow);
  }

  /** Other shops of the same site that recorded the same record (created or adopted): it is shared. */
  sharedWith(shopId: string, doctype: string, name: string): string[] {
    const rows = this.db
      .prepare(
        `SELECT DISTINCT s.name FROM shop_effects e JOIN shops s ON s.id = e.shop_id
         WHERE e.doctype = ? AND e.name = ? AND e.shop_id <> ? AND e.undone_at IS NULL AND e.kind IN ('created', 'adopted')
           AND s.site_id = (SELECT site_id FROM shops WHERE id = ?) ORDER BY s.name`,
      )
      .all(doctype, name, shopId, shopId) as { name: string }[];
    return rows.map((row) => row.name);
  }

  markUndone(fence: LockFence, id: number, note: string): void {
    const done = this.db.prepare(`UPDATE shop_effects SET undone_at = ?, undo_note = ? WHERE id = ? AND shop_id = ? AND ${HOLDS_LOCK}`).run(now(), note, id, fence.shopId, fence.shopId, fence.token);
    if (done.changes === 0) throw new LockLostError(fence.shopId);
  }
}

export type UndoStatus = 'IN_PROGRESS' | 'COMPLETED' | 'REFUSED' | 'FAILED';

export interface UndoRunRecord {
  id: string;
  shopId: string;
  status: UndoStatus;
  startedAt: string;
  finishedAt: string | null;
  outcome: unknown;
}

/** Each undo of a shop, so an interrupted one is found and resumed. */
export class UndoRunsRepository {
  constructor(private readonly db: Database.Database) {}

  start(fence: LockFence, id: string): UndoRunRecord {
    const startedAt = now();
    const done = this.db.prepare(`INSERT INTO undo_runs (id, shop_id, status, started_at) SELECT ?, ?, 'IN_PROGRESS', ? WHERE ${HOLDS_LOCK}`).run(id, fence.shopId, startedAt, fence.shopId, fence.token);
    if (done.changes === 0) throw new LockLostError(fence.shopId);
    return { id, shopId: fence.shopId, status: 'IN_PROGRESS', startedAt, finishedAt: null, outcome: null };
  }

  finish(fence: LockFence, id: string, status: Exclude<UndoStatus, 'IN_PROGRESS'>, outcome: unknown): void {
    const done = this.db.prepare(`UPDATE undo_runs SET status = ?, finished_at = ?, outcome = ? WHERE id = ? AND ${HOLDS_LOCK}`).run(status, now(), toJson(outcome), id, fence.shopId, fence.token);
    if (done.changes === 0) throw new LockLostError(fence.shopId);
  }

  latest(shopId: string): UndoRunRecord | null {
    const row = this.db.prepare('SELECT id, shop_id AS shopId, status, started_at AS startedAt, finished_at AS finishedAt, outcome FROM undo_runs WHERE shop_id = ? ORDER BY started_at DESC, rowid DESC LIMIT 1').get(shopId) as (Omit<UndoRunRecord, 'outcome'> & { outcome: string | null }) | undefined;
    return row ? { ...row, outcome: fromJson(row.outcome) } : null;
  }
}
