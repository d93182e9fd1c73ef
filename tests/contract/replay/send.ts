import type { Sandbox } from '../../../sandbox/index';
import type { RecordedExchange as Recording } from '../../support/recorded';

// Re-sends one recorded request to a sandbox, with the placeholders replaced by the sandbox's users.

export function authorization(template: string | undefined, sb: Sandbox): string | undefined {
  if (!template) return undefined;
  const { administrator: admin, provisioner: prov, norole } = sb.users;
  return template
    .replace('<base64 of admin_api_key:admin_api_secret>', Buffer.from(`${admin.apiKey}:${admin.apiSecret}`).toString('base64'))
    .replace('<admin_api_key>', admin.apiKey).replace('<admin_api_secret>', admin.apiSecret)
    .replace('<prov_api_key>', prov.apiKey).replace('<prov_api_secret>', prov.apiSecret)
    .replace('<norole_api_key>', norole.apiKey).replace('<norole_api_secret>', norole.apiSecret);
}

export async function send(sb: Sandbox, rec: Recording): Promise<{ status: number; body: Record<string, unknown> | null }> {
  const { method, path, query, headers, json } = rec.request;
  const url = new URL(sb.url + path.split('/').map(encodeURIComponent).join('/'));
  for (const [k, v] of Object.entries(query ?? {})) url.searchParams.set(k, String(v));
  const h: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) {
    const value = k.toLowerCase() === 'authorization' ? authorization(v, sb) : v;
    if (value !== undefined) h[k] = value;
  }
  const res = await fetch(url, { method, headers: h, body: json === null || json === undefined ? undefined : JSON.stringify(json) });
  const text = await res.text();
  let body: Record<string, unknown> | null = null;
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch { /* a non-JSON answer compares by status only */ }
  return { status: res.status, body };
}
