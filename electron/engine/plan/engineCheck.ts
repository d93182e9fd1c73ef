import { ErpNextError } from '../../erpnext/errors';
import type { SiteVersions } from '../../erpnext/types';
import type { ShopConfig } from '../../../shared/shop/schema';
import type { SiteReads } from '../reads/siteReads';
import { type MissingRole, doctypesWritten, missingRoles } from '../steps/requiredRoles';
import { cashiersOf, sameName } from './names';
import { type PlanContext, type PlanItem, item } from './types';

const OLDEST_MAJOR = 14;

export function majorVersion(version: string | undefined): number | undefined {
  const major = Number.parseInt(version ?? '', 10);
  return Number.isFinite(major) ? major : undefined;
}

/** Why these versions cannot be provisioned, or null: a Frappe site with ERPNext 14 or newer. */
export function versionFailure(versions: SiteVersions): ErpNextError | null {
  const frappe = versions.frappe?.version;
  const erpnext = versions.erpnext?.version;
  if (!frappe) return new ErpNextError({ code: 'not_erpnext_json', message: 'The site answered, but not like Frappe does (no Frappe version).' });
  if (!erpnext) {
    return new ErpNextError({ code: 'validation_failed', message: `This is a Frappe ${frappe} site without ERPNext.`, hint: 'Install the ERPNext app on the site (bench get-app erpnext; bench --site <site> install-app erpnext), or use the address of your ERPNext site.' });
  }
  const major = majorVersion(erpnext);
  if (major === undefined || major < OLDEST_MAJOR) {
    return new ErpNextError({ code: 'validation_failed', message: `ERPNext ${erpnext} is too old: POS Provisioner needs ERPNext ${OLDEST_MAJOR} or newer.`, hint: 'Upgrade the site to ERPNext 14 or 15 (bench update), then start again.' });
  }
  return null;
}

/** Setup state and time zone from System Settings, which only a System Manager may read: for anyone else unknown (null). */
export async function siteSettings(reads: SiteReads): Promise<{ setupComplete: boolean | null; timeZone: string | null }> {
  const settings = await reads.single('System Settings').catch((error: unknown) => {
    if (error instanceof ErpNextError && error.category === 'permission') return null;
    throw error;
  });
  return {
    setupComplete: settings ? Boolean(Number(settings.setup_complete ?? 0)) : null,
    timeZone: typeof settings?.time_zone === 'string' && settings.time_zone ? settings.time_zone : null,
  };
}

/**
 * The API user's roles, read with the cashiers in one User query (roles and defaults joined). Where that
 * list is refused or may hide roles (a user without read access to User, field-level permissions), the
 * roles come from get_roles, which answers for any user: missing roles are only reported from it.
 */
export async function rolesCheck(reads: SiteReads, shop: ShopConfig, user: string): Promise<{ roles: string[]; missing: MissingRole[] }> {
  const doctypes = doctypesWritten(shop);
  // Administrator bypasses every permission check (CONTRACT §5): nothing can be missing.
  if (user === 'Administrator') return { roles: await reads.roles(user), missing: [] };
  const users = await reads.users([user, ...cashiersOf(shop, user)]).catch((error: unknown) => {
    if (error instanceof ErpNextError && error.category === 'permission') return [];
    throw error;
  });
  const listed = users.find((u) => sameName(u.name, user))?.roles ?? [];
  if (listed.length > 0 && missingRoles(listed, doctypes).length === 0) return { roles: listed, missing: [] };
  const roles = await reads.roles(user);
  return { roles, missing: missingRoles(roles, doctypes) };
}

/** Step 0 as a plan: the roles every write needs (versions and the key are checked by reading them). */
export async function planEngineCheck(p: PlanContext): Promise<PlanItem[]> {
  const { missing } = await rolesCheck(p.reads, p.shop, p.apiUser);
  return missing.map((m) => item('conflict', 'Role', m.role, `Role ${m.role} of ${p.apiUser}`, { reason: `The API user ${p.apiUser} lacks ${m.role} (for ${m.doctypes.join(', ')}).`, hint: `In ERPNext open User ${p.apiUser} > Roles and tick ${m.role}.` }));
}
