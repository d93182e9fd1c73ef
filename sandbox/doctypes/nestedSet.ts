import { ctx } from '../core/context';
import { frappeThrow } from '../core/errors';
import type { Doc } from '../core/store';

// frappe/utils/nestedset.py NestedSet.on_trash / validate_if_child_exists: a tree node with children
// cannot be deleted, nor (unless allowed) a root.

export function validateIfChildExists(doc: Doc, parentField: string): void {
  if (ctx().store.all(doc.doctype).some((d) => d[parentField] === doc.name)) {
    frappeThrow(`Cannot delete ${doc.name} as it has child nodes`, 'NestedSetChildExistsError');
  }
}

export function nestedSetOnTrash(doc: Doc, parentField: string, allowRootDeletion = false): void {
  if (!doc[parentField] && !allowRootDeletion) frappeThrow(`Root ${doc.doctype} cannot be deleted`);
  validateIfChildExists(doc, parentField);
}
