import type { HandoverFacts } from '../../shared/handover';
import { RunStatus } from '../../shared/status';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Every value on the sheet comes from a shop file or ERPNext: escaped, never trusted as markup. */
const e = (value: unknown) => String(value).replace(/[&<>"']/g, (c) => ESCAPES[c]!);

const list = (items: string[], empty: string) => (items.length ? `<ul>${items.map((item) => `<li>${e(item)}</li>`).join('')}</ul>` : `<p class="muted">${e(empty)}</p>`);

function money(amount: number, currency: string): string {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).format(amount);
  } catch {
    return `${amount.toFixed(2)} ${currency}`;
  }
}

const day = (iso: string | null) => (iso ? new Date(iso).toISOString().slice(0, 10) : '');

const VERDICT: Record<string, { text: string; tone: string }> = {
  [RunStatus.Completed]: { text: 'POS ready: the till can sell.', tone: 'ok' },
  [RunStatus.Partial]: { text: 'Set up with problems: see the checks below before selling.', tone: 'warn' },
  [RunStatus.Failed]: { text: 'Not ready yet: the setup stopped before the till could sell.', tone: 'bad' },
};

// One A4 page in print; the colours pass WCAG AA on white, and every state is a word as well as a colour.
const STYLE = `
  @page { size: A4; margin: 14mm; }
  * { box-sizing: border-box; }
  body { font: 10.5pt/1.4 system-ui, 'Segoe UI', Roboto, 'DejaVu Sans', sans-serif; color: #1b1f24; margin: 0 auto; max-width: 190mm; padding: 12px; }
  h1 { font-size: 17pt; margin: 0 0 2px; }
  h2 { font-size: 11.5pt; margin: 12px 0 4px; border-bottom: 1px solid #c9d1d9; padding-bottom: 2px; }
  p { margin: 3px 0; }
  ul, ol { margin: 2px 0; padding-left: 18px; }
  .muted { color: #57606a; }
  .verdict { font-weight: 700; padding: 6px 10px; border-radius: 6px; border: 1px solid currentColor; margin: 8px 0; }
  .ok { color: #116329; background: #dafbe1; } .warn { color: #6f4400; background: #fff4c2; } .bad { color: #a40e26; background: #ffebe9; }
  .columns { display: grid; grid-template-columns: 1fr 1fr; gap: 0 18px; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: 1px 10px; margin: 2px 0; }
  dt { color: #57606a; } dd { margin: 0; overflow-wrap: anywhere; }
  table { border-collapse: collapse; width: 100%; } th, td { text-align: left; padding: 2px 6px 2px 0; border-bottom: 1px solid #eaeef2; }
  .check-ok::before { content: '✓ '; color: #116329; } .check-bad::before { content: '✗ '; color: #a40e26; }
  .url { font-family: ui-monospace, 'DejaVu Sans Mono', monospace; font-weight: 700; overflow-wrap: anywhere; }
  footer { margin-top: 12px; border-top: 1px solid #c9d1d9; padding-top: 6px; }
  .created { columns: 2; font-size: 9.5pt; }
  .created li { break-inside: avoid; }
`;

function tillSection(f: HandoverFacts): string {
  const rows = f.paymentMethods
    .map((m) => `<tr><td>${e(m.mode)}${m.isDefault ? ' <strong>(default)</strong>' : ''}</td><td>${e(money(f.openingBalances.find((b) => b.mode === m.mode)?.amount ?? 0, f.company.currency))}</td></tr>`)
    .join('');
  return `<section><h2>The till</h2>
    <dl><dt>POS Profile</dt><dd>${e(f.posProfile)}</dd><dt>Stock from</dt><dd>${e(f.warehouses.pos)} (main store: ${e(f.warehouses.main)})</dd><dt>Walk-in customer</dt><dd>${e(f.customer)}</dd>${f.openingEntry ? `<dt>Open session</dt><dd>${e(f.openingEntry)}</dd>` : ''}</dl>
    <table><caption class="muted">Payment methods and opening float</caption><thead><tr><th scope="col">Payment method</th><th scope="col">Opening balance</th></tr></thead><tbody>${rows}</tbody></table>
    <p><strong>Cashiers:</strong> ${f.cashiers.length ? f.cashiers.map(e).join(', ') : 'the ERPNext user that set up the shop'}</p></section>`;
}

function howToOpen(f: HandoverFacts): string {
  return `<section><h2>How to open the POS</h2><ol>
    <li>In a browser on the till, open <span class="url">${e(f.site.posUrl)}</span></li>
    <li>Sign in with the cashier's ERPNext user (${f.cashiers.length ? e(f.cashiers[0]) : 'your ERPNext user'}).</li>
    <li>Choose the POS Profile <strong>${e(f.posProfile)}</strong>${f.openingEntry ? ': a session is already open, so you can sell at once.' : ' and enter the opening balance to open a session.'}</li>
    <li>At the end of the day, close the session from the POS menu (Close the POS).</li></ol></section>`;
}

/** The printable one-page handover sheet for the shop owner (HTML; the app also prints it to PDF). */
export function handoverHtml(f: HandoverFacts): string {
  const verdict = VERDICT[f.run.status] ?? { text: f.run.status, tone: 'warn' };
  const who = f.run.startedBy ? ` by ${e(f.run.startedBy.osUser)} on ${e(f.run.startedBy.host)}` : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(f.shopName)}: POS handover</title><style>${STYLE}</style></head>
<body><main>
<header><h1>${e(f.shopName)}: your POS is set up</h1>
<p class="muted">ERPNext site ${e(f.site.displayUrl)} · handover of ${e(day(f.generatedAt))}</p>
<p class="verdict ${verdict.tone}" data-status="${e(f.run.status)}">${e(verdict.text)}</p></header>
<div class="columns">
<section><h2>The shop</h2><dl><dt>Company</dt><dd>${e(f.company.name)} (${e(f.company.abbr)})</dd><dt>Country</dt><dd>${e(f.company.country)}</dd><dt>Currency</dt><dd>${e(f.company.currency)}</dd></dl></section>
${tillSection(f)}
</div>
${howToOpen(f)}
<div class="columns">
<section><h2>Readiness checks</h2>${f.readiness.length ? `<ul class="checks">${f.readiness.map((c) => `<li class="${c.ok ? 'check-ok' : 'check-bad'}"><span class="muted">${c.ok ? 'Passed' : 'Failed'}:</span> ${e(c.check)}${c.detail ? ` (${e(c.detail)})` : ''}</li>`).join('')}</ul>` : '<p class="muted">No checks were recorded.</p>'}</section>
<section><h2>What was set up</h2><p>Created ${f.created.length}, already there ${f.adopted}, changed ${f.changed.length}.</p>${list(f.created, 'Nothing new had to be created: it was all there already.').replace('<ul>', '<ul class="created">')}</section>
</div>
<footer><p><strong>Need help?</strong> ${f.helpdesk ? e(f.helpdesk) : 'Ask the installer who set up this till.'}</p>
<p class="muted">Setup run ${e(f.run.id.slice(0, 8))}, finished ${e(day(f.run.finishedAt))}${who}. This sheet holds no password or API key.</p></footer>
</main></body></html>
`;
}

/** "Corner Cafe handover 2026-01-05.html" */
export const handoverFileName = (f: HandoverFacts, extension: 'html' | 'pdf') => `${f.shopName.replace(/[\\/:*?"<>|]+/g, '_')} handover ${day(f.generatedAt)}.${extension}`;
