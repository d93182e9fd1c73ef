import type { SiteInput, SiteSummary } from '../../../shared/ipc/contract';
import type { ApiError } from '../../../shared/ipc/result';

export interface SiteFields {
  url: string;
  apiKey: string;
  apiSecret: string;
  tlsCaFile: string;
  tlsPin: string;
}

export type SiteField = keyof SiteFields;

export const fieldsOf = (site?: SiteSummary): SiteFields => ({ url: site?.url ?? '', apiKey: site?.apiKey ?? '', apiSecret: '', tlsCaFile: site?.tlsCaFile ?? '', tlsPin: site?.tlsPin ?? '' });

/** What must be filled before asking main; main checks the rest (URL form, fingerprint) and says so. */
export function siteProblems(fields: SiteFields, editing: boolean): Partial<Record<SiteField, string>> {
  const problems: Partial<Record<SiteField, string>> = {};
  if (!fields.url.trim()) problems.url = 'Type the address of the ERPNext site, for example https://shop.example.com';
  if (!fields.apiKey.trim()) problems.apiKey = 'Paste the API key of the ERPNext user that will set up the shop';
  if (!editing && !fields.apiSecret.trim()) problems.apiSecret = 'Paste the API secret shown when the key was generated';
  return problems;
}

/** An empty secret on edit is left out: main keeps the saved one. */
export function siteInput(fields: SiteFields, siteId?: string, allowPlainHttp = false): SiteInput {
  return {
    ...(siteId ? { id: siteId } : {}),
    url: fields.url.trim(),
    apiKey: fields.apiKey.trim(),
    ...(fields.apiSecret.trim() ? { apiSecret: fields.apiSecret.trim() } : {}),
    tlsCaFile: fields.tlsCaFile.trim() || null,
    tlsPin: fields.tlsPin.trim() || null,
    allowPlainHttp,
  };
}

/** The field a refusal from main is about (its message then shows there), or null. */
export function fieldOfError(error: ApiError, fields: SiteFields): SiteField | null {
  const issue = error.issues?.[0]?.path;
  if (issue && issue in fields) return issue as SiteField;
  if (error.code === 'invalid_url') return 'url';
  if (error.code === 'tls_config') return fields.tlsPin.trim() ? 'tlsPin' : 'tlsCaFile';
  return null;
}
