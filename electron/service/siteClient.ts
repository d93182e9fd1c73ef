import { ErpNextClient } from '../erpnext/client';
import { ErpNextError } from '../erpnext/errors';
import type { LimiterOptions } from '../erpnext/limiter';
import type { RetryPolicy } from '../erpnext/retry';
import type { TransportOptions } from '../erpnext/transport';
import type { Logger } from '../logging/logger';
import { stepScope } from '../engine/stepScope';
import { plainHttpVerdict } from '../erpnext/siteUrl';
import type { SecretStore } from '../secrets';
import type { SiteRecord } from '../../shared/model';

export interface ClientTuning {
  timeoutMs?: number;
  onAnswer?: TransportOptions['onAnswer'];
  limits?: Partial<LimiterOptions>;
  retry?: Partial<RetryPolicy>;
  language?: string;
}

/**
 * The ERPNext client of a stored site: its secret from the secret store, its TLS settings, and a log
 * sink that tags each call with the step it runs for (and reports retries to that step).
 */
export function clientForSite(site: SiteRecord, secrets: SecretStore, logger: Logger, tuning: ClientTuning = {}): ErpNextClient {
  // Checked again here, not only when saving: a site saved before the policy existed must not leak its secret.
  const verdict = plainHttpVerdict(site.url, site.allowPlainHttp);
  if (!verdict.ok) throw verdict.error;
  const apiSecret = secrets.get(site.id);
  if (!apiSecret) {
    throw new ErpNextError({ code: 'auth_failed', message: `No API secret is available for ${site.displayUrl}.`, hint: secrets.persistent ? 'Edit the site and type the API secret again.' : 'Edit the site and type the API secret again: without a keychain it is kept for this session only.' });
  }
  return new ErpNextClient({
    siteUrl: site.url,
    credentials: { apiKey: site.apiKey, apiSecret },
    tls: { caFile: site.tlsCaFile ?? undefined, pinnedSha256: site.tlsPin ?? undefined },
    ...tuning,
    log: (entry) => logger.log(entry.level, entry.message, { stepId: stepScope.getStore()?.stepId ?? null, correlationId: entry.correlationId, data: entry.data }),
    onRetry: (event) => stepScope.getStore()?.onRetry(event),
    nextCorrelationId: () => stepScope.getStore()?.nextCallId(),
  });
}
