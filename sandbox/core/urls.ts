import { ctx } from './context';

// frappe.utils.get_link_to_form / get_url_to_form: an absolute desk link in the site's own URL, the
// DocType slugged ("Mode of Payment" → "mode-of-payment") and the name quoted like urllib.parse.quote
// with Frappe's safe characters (frappe/utils/data.py quoted).

const SAFE = new Set("~@#$&()*!+=:;,.?/'".split(''));

export function quoted(text: string): string {
  return Array.from(text).map((c) => (SAFE.has(c) ? c : encodeURIComponent(c))).join('');
}

export const slug = (doctype: string): string => doctype.toLowerCase().replace(/ /g, '-');

export function linkToForm(doctype: string, name: string, label = name): string {
  return `<a href="${ctx().siteUrl}/app/${quoted(slug(doctype))}/${quoted(name)}">${label}</a>`;
}
