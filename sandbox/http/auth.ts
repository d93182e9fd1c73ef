import { FrappeError } from '../core/errors';
import type { Store } from '../core/store';

// frappe/auth.py validate_auth: the header splits on one space into exactly two parts, "token key:secret"
// or "Basic base64(key:secret)" (scheme case-insensitive). Anything else with two parts that does not
// log a user in is a 401; a header of another shape is ignored (Guest → 403 later, a04/a06).

export function authenticate(store: Store, header: string | undefined): string {
  const parts = (header ?? '').split(' ');
  if (!header || parts.length !== 2) return 'Guest';
  const [scheme = '', token = ''] = parts;
  let pair: string | null = null;
  if (scheme.toLowerCase() === 'token') pair = token;
  else if (scheme.toLowerCase() === 'basic') {
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(token) || token.length % 4 === 1) {
      throw new FrappeError('InvalidAuthorizationToken', 'Failed to decode token, please provide a valid base64-encoded token.', { viaThrow: true });
    }
    pair = Buffer.from(token, 'base64').toString('utf8');
  }
  const pieces = pair?.split(':') ?? [];
  if (pieces.length === 2) {
    const entry = store.kvGet(`apikey:${pieces[0]}`);
    const found = entry ? (JSON.parse(entry) as { user: string; secret: string }) : null;
    const user = found ? store.get('User', found.user) : null;
    if (!found || !user || found.secret !== pieces[1] || !user.enabled) throw new FrappeError('AuthenticationError', '');
    return found.user;
  }
  throw new FrappeError('AuthenticationError', '');
}

export function rolesOf(store: Store, user: string): Set<string> {
  if (user === 'Guest') return new Set(['Guest']);
  const doc = store.get('User', user);
  const roles = ((doc?.roles as { role: string }[] | undefined) ?? []).map((r) => r.role);
  return new Set([...roles, 'All', 'Guest']);
}

/** Frappe answers every request with Guest session cookies; an AuthenticationError also expires them. */
export function sessionCookies(now: Date, clear: boolean): string[] {
  const expires = new Date(now.getTime() + 612000 * 1000).toUTCString();
  const cookies = [
    `sid=Guest; Expires=${expires}; Max-Age=612000; HttpOnly; Path=/; SameSite=Lax`, 'system_user=no; Path=/; SameSite=Lax',
    'full_name=Guest; Path=/; SameSite=Lax', 'user_id=Guest; Path=/; SameSite=Lax', 'user_image=; Path=/; SameSite=Lax',
  ];
  if (clear) {
    const past = new Date(now.getTime() - 86400 * 1000).toUTCString();
    for (const name of ['sid', 'full_name', 'system_user', 'user_id', 'user_image']) cookies.push(`${name}=; Expires=${past}; Path=/`);
  }
  return cookies;
}
