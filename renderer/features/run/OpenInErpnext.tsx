import type { RunView } from '../../../shared/runView';
import { RunStatus, StepStatus } from '../../../shared/status';
import { StepId } from '../../../shared/steps/catalog';
import { useSite } from '../../state/sites';

interface RecordLink {
  label: string;
  doctype: string;
  name: string;
}

const text = (value: unknown) => (typeof value === 'string' && value ? value : null);

/** Frappe's desk route of a record: /app/<doctype as a slug>/<name>. */
const deskPath = (doctype: string, name: string) => `/app/${doctype.toLowerCase().replace(/ /g, '-')}/${encodeURIComponent(name)}`;

/** The records the run made or adopted, from the steps' outputs (what a step did not finish is left out). */
function recordsOf(view: RunView): RecordLink[] {
  const out = (stepId: StepId) => {
    const step = view.steps.find((s) => s.stepId === stepId);
    return step?.status === StepStatus.Succeeded ? (step.outputs ?? {}) : {};
  };
  const record = (label: string, doctype: string, name: unknown): RecordLink | null => {
    const value = text(name);
    return value ? { label, doctype, name: value } : null;
  };
  const links = [
    record('Company', 'Company', out(StepId.Company).company),
    record('Main warehouse', 'Warehouse', out(StepId.Warehouses).main),
    record('POS warehouse', 'Warehouse', out(StepId.Warehouses).pos),
    record('Walk-in customer', 'Customer', out(StepId.Customer).customer),
    record('POS Profile', 'POS Profile', out(StepId.PosProfile).profile),
    record('POS session', 'POS Opening Entry', out(StepId.PosSession).openingEntry),
  ];
  return links.filter((link): link is RecordLink => Boolean(link));
}

/**
 * After "POS ready": the till and the records in ERPNext itself, on the site's own addresses. They open
 * in the system browser (the app never navigates away, and ERPNext asks for its own sign-in there).
 */
export function OpenInErpnext({ view, siteId }: { view: RunView; siteId: string }) {
  const site = useSite(siteId);
  const records = recordsOf(view);
  if (!site || (view.run.status !== RunStatus.Completed && view.run.status !== RunStatus.Partial) || records.length === 0) return null;
  const base = site.url.replace(/\/+$/, '');
  const link = (href: string, label: string) => (
    <a href={href} target="_blank" rel="noopener noreferrer">
      {label}
      <span className="visually-hidden"> (opens in your browser)</span>
    </a>
  );
  return (
    <section className="panel" aria-labelledby="erpnext-links-heading" data-testid="open-in-erpnext">
      <h2 id="erpnext-links-heading">Open in ERPNext</h2>
      {view.run.status === RunStatus.Completed && <p className="open-pos">{link(`${base}/app/point-of-sale`, 'Point of Sale: the till')}</p>}
      <ul className="record-links">
        {records.map((record) => (
          <li key={`${record.doctype}/${record.name}`}>
            <span className="muted">{record.label}: </span>
            {link(`${base}${deskPath(record.doctype, record.name)}`, record.name)}
          </li>
        ))}
      </ul>
    </section>
  );
}
