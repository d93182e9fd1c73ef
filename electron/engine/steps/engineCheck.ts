import type { ErpNextClient } from '../../erpnext/client';
import { ErpNextError } from '../../erpnext/errors';
import type { SiteVersions } from '../../erpnext/types';
import type { StepId } from '../../../shared/steps/catalog';
import type { StepBody } from '../stepContext';
import { doctypesWritten, missingRoles } from './requiredRoles';

const OLDEST_MAJOR = 14;

export function majorVersion(version: string | undefined): number | undefined {
  const major = Number.parseInt(version ?? '', 10);
  return Number.isFinite(major) ? major : undefined;
}

function checkVersions(versions: SiteVersions): { frappe: string; erpnext: string } {
  const frappe = versions.frappe?.version;
  const erpnext = versions.erpnext?.version;
  if (!frappe) throw new ErpNextError({ code: 'not_erpnext_json', message: 'The site answered, but not like Frappe does (no Frappe version).' });
  if (!erpnext) {
    throw new ErpNextError({ code: 'validation_failed', message: `This is a Frappe ${frappe} site without ERPNext.`, hint: 'Install the ERPNext app on the site (bench get-app erpnext; bench --site <site> install-app erpnext), or use the address of your ERPNext site.' });
  }
  const major = majorVersion(erpnext);
  if (major === undefined || major < OLDEST_MAJOR) {
    throw new ErpNextError({ code: 'validation_failed', message: `ERPNext ${erpnext} is too old: POS Provisioner needs ERPNext ${OLDEST_MAJOR} or newer.`, hint: 'Upgrade the site to ERPNext 14 or 15 (bench update), then start again.' });
  }
  return { frappe, erpnext };
}

/** Step 0: reachable, a Frappe site with ERPNext ≥ 14, valid credentials, and the roles every write needs. */
export const engineCheck: StepBody<typeof StepId.EngineCheck> = async (ctx) => {
  ctx.action('Reaching the site');
  await ctx.client.ping();
  ctx.action('Checking the API key');
  const user = await ctx.client.getLoggedUser();
  ctx.action('Reading versions');
  const { frappe, erpnext } = checkVersions(await ctx.client.getVersions());
  ctx.log.info(`Frappe ${frappe}, ERPNext ${erpnext}, API user ${user}`);
  ctx.action('Checking roles');
  const roles = await ctx.client.getRoles(user);
  const missing = missingRoles(roles, doctypesWritten(ctx.shop));
  if (missing.length > 0) {
    const list = missing.map((m) => `${m.role} (for ${m.doctypes.join(', ')})`).join('; ');
    throw new ErpNextError({ code: 'permission_denied', message: `The API user ${user} is missing roles: ${list}.`, hint: `In ERPNext open User ${user} > Roles and tick: ${missing.map((m) => m.role).join(', ')}. Then start again.` });
  }
  return { user, frappeVersion: frappe, erpnextVersion: erpnext, roles, ...(await readSiteSettings(ctx.client)) };
};

/**
 * Setup state and time zone from System Settings, which only a System Manager may read: for anyone
 * else both are unknown (null), not an error.
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
