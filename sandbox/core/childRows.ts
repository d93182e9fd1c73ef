import { ctx } from './context';
import { allMetas, tableFields } from './registry';
import type { Doc } from './store';

// Child rows live inside their parent document; Frappe still lets a client address one by its own
// doctype and name (frappe/api/v1.py update_doc re-saves the parent of a child row).

export function findParentOfRow(childDoctype: string, rowName: string): Doc | null {
  for (const meta of allMetas().filter((m) => tableFields(m).some((t) => t.options === childDoctype))) {
    for (const doc of ctx().store.all(meta.name)) {
      for (const t of tableFields(meta).filter((t) => t.options === childDoctype)) {
        if (((doc[t.fieldname] as Doc[] | undefined) ?? []).some((r) => r.name === rowName)) return doc;
      }
    }
  }
  return null;
}

export function findRow(parent: Doc, childDoctype: string, rowName: string): Doc | null {
  for (const value of Object.values(parent)) {
    if (!Array.isArray(value)) continue;
    const row = (value as Doc[]).find((r) => r && r.doctype === childDoctype && r.name === rowName);
    if (row) return row;
  }
  return null;
}
