import type { ErpNextClient } from '../../erpnext/client';
import { ErpNextError } from '../../erpnext/errors';
import type { StepId } from '../../../shared/steps/catalog';
import { rolesCheck, siteSettings, versionFailure } from '../plan/engineCheck';
import type { StepBody } from '../stepContext';

export { majorVersion } from '../plan/engineCheck';

/**
 * Step 0: reachable, a Frappe site with ERPNext ≥ 14, valid credentials, and the roles every write needs.
 * The user, the versions and System Settings are asked together, then the roles with the cashiers.
 */
export const engineCheck: StepBody<typeof StepId.EngineCheck> = async (ctx) => {
  ctx.action('Reaching the site and checking the API key');
  const asked = [ctx.reads.loggedUser(), ctx.reads.versions(), siteSettings(ctx.reads)] as const;
  // Read ahead beside the roles (the limiter has room in that round): whether the shop's company exists
  // tells, before any other read, that this run will write.
  void ctx.reads.ahead(() => ctx.reads.company(ctx.shop.company.name, ctx.abbr));
  // The roles are asked as soon as the user is known, beside the other two (one round trip saved).
  const checked = asked[0].then((user) => rolesCheck(ctx.reads, ctx.shop, user));
  checked.catch(() => undefined);
  // A wrong key fails every call: report the key first, not whichever answer came first.
  for (const result of await Promise.allSettled(asked)) if (result.status === 'rejected') throw result.reason;
  const [apiUser, site, { setupComplete, timeZone }] = await Promise.all(asked);
  const failure = versionFailure(site);
  if (failure) throw failure;
  const frappe = site.frappe!.version;
  const erpnext = site.erpnext!.version;
  ctx.log.info(`Frappe ${frappe}, ERPNext ${erpnext}, API user ${apiUser}`);
  ctx.action('Checking roles');
  const { roles, missing } = await checked;
  if (missing.length > 0) {
    const list = missing.map((m) => `${m.role} (for ${m.doctypes.join(', ')})`).join('; ');
    throw new ErpNextError({ code: 'permission_denied', message: `The API user ${apiUser} is missing roles: ${list}.`, hint: `In ERPNext open User ${apiUser} > Roles and tick: ${missing.map((m) => m.role).join(', ')}. Then start again.` });
  }
  return { user: apiUser, frappeVersion: frappe, erpnextVersion: erpnext, roles, setupComplete, timeZone };
};

/**
 * Setup state and time zone from System Settings, which only a System Manager may read: for anyone
 * else both are unknown (null), not an error. (The connection test asks this without a run.)
 */
export async function readSiteSettings(client: ErpNextClient): Promise<{ setupComplete: boolean | null; timeZone: string | null }> {
  const settings = await client.getSingle('System Settings').catch((error: unknown) => {
    if (error instanceof ErpNextError && error.category === 'permission') return null;
    throw error;
  });
  return {
    setupComplete: settings ? Boolean(Number(settings.setup_complete ?? 0)) : null,
    timeZone: typeof settings?.time_zone === 'string' && settings.time_zone ? settings.time_zone : null,
  };
}
