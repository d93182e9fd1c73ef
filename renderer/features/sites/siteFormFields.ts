import type { SiteInput, SiteSummary } from '../../../shared/ipc/contract';

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
export function siteInput(fields: SiteFields, siteId?: string): SiteInput {
  return {
    ...(siteId ? { id: siteId } : {}),
    url: fields.url.trim(),
    apiKey: fields.apiKey.trim(),
    ...(fields.apiSecret.trim() ? { apiSecret: fields.apiSecret.trim() } : {}),
    tlsCaFile: fields.tlsCaFile.trim() || null,
    tlsPin: fields.tlsPin.trim() || null,
  };
}
