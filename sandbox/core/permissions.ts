import { ctx } from './context';
import { FrappeError } from './errors';
import type { DocTypeMeta, PermType } from './meta';
import { findMeta } from './registry';
import { bold } from './util';

/** Role-based DocPerm check (frappe/permissions.py has_permission); Administrator bypasses everything. */
export function hasPermission(meta: DocTypeMeta, ptype: PermType, user = ctx().user, roles = ctx().roles): boolean {
  if (user === 'Administrator') return true;
  if (meta.istable) return true; // child rows ride on their parent's permission
  return meta.perms.some((p) => roles.has(p.role) && p[ptype]);
}

/**
 * What a role-permission failure looks like on v15 (a06, a07, a09, a10, h05a): 403 PermissionError,
 * `_error_message` "No permission for {DocType}" and the permission log line in `_server_messages`.
 */
export function permissionError(doctype: string, traceback = false): FrappeError {
  ctx().log.push({
    message: `User ${bold(ctx().user)} does not have doctype access via role permission for document ${bold(doctype)}`,
    title: 'Message',
  });
  return new FrappeError('PermissionError', '', { errorMessage: `No permission for ${doctype}`, traceback });
}

export function checkPermission(meta: DocTypeMeta, ptype: PermType, traceback = false): void {
  if (!hasPermission(meta, ptype)) throw permissionError(meta.name, traceback);
}

export function checkDoctypePermission(doctype: string, ptype: PermType, traceback = false): void {
  const meta = findMeta(doctype);
  if (meta) checkPermission(meta, ptype, traceback);
}
