import type { ErpNextClient } from '../erpnext/client';
import { ErpNextError } from '../erpnext/errors';
import { describeFailure } from '../engine/stepExecutor';
import { readSiteSettings } from '../engine/steps/engineCheck';
import { WRITE_ROLES, missingRoles } from '../engine/steps/requiredRoles';
import type { ConnectionCheck } from '../../shared/model';

/**
 * "Test connection": what the engine check will find, without writing anything — reachability,
 * credentials, versions, setup state and the roles the API user lacks.
 */
export async function testConnection(client: ErpNextClient): Promise<ConnectionCheck> {
  const checkedAt = new Date().toISOString();
  try {
    await client.ping({ retry: { maxAttempts: 2 } });
    const user = await client.getLoggedUser({ retry: { maxAttempts: 2 } });
    const versions = await client.getVersions();
    const roles = await client.getRoles(user);
    const { setupComplete } = await readSiteSettings(client);
    const missing = missingRoles(roles, Object.keys(WRITE_ROLES));
    const erpnextVersion = versions.erpnext?.version;
    return {
      checkedAt,
      ok: Boolean(erpnextVersion) && missing.length === 0,
      user,
      frappeVersion: versions.frappe?.version,
      erpnextVersion,
      missingRoles: missing,
      setupComplete,
      ...(erpnextVersion ? {} : { error: { ...describeFailure(new ErpNextError({ code: 'not_erpnext_json' })), message: 'This Frappe site does not have ERPNext installed.' } }),
    };
  } catch (error) {
    return { checkedAt, ok: false, error: describeFailure(error) };
  }
}
