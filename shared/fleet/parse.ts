import type { ShopConfig } from '../shop/schema';
import { type ShopIssue, suggestAbbreviation, validateShop } from '../shop/validate';
import { CellError, cashiersCell, demoItemsCell, openingBalancesCell, paymentMethodsCell } from './cells';
import { FLEET_COLUMNS, type FleetColumn, columnFor, columnOfField } from './columns';
import { type CsvRecord, CsvSyntaxError, isBlank, readCsv } from './csv';

export type FleetFormat = 'csv' | 'json';

/** One problem of a fleet file, where a person finds it: a spreadsheet's row and column, or a list entry and field. */
export interface FleetIssue {
  /** The spreadsheet row (header = 1) or the entry's position in a JSON list (first = 1); null for the whole file. */
  row: number | null;
  /** The CSV column or the shop-file field; null for the whole row. */
  column: string | null;
  message: string;
  /** "row 7, column abbr: …": the sentence to show. */
  text: string;
}

/** What a row names, read leniently (also from rows with problems), for the rules across rows. */
interface RowKeys {
  row: number;
  name?: string;
  abbr?: string;
  profile?: string;
}

const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : undefined);

function keysOf(row: number, file: unknown): RowKeys {
  const shop = (file ?? {}) as { company?: { name?: unknown; abbr?: unknown }; pos?: { profileName?: unknown } };
  const name = text(shop.company?.name);
  return { row, name, abbr: text(shop.company?.abbr) ?? (name ? suggestAbbreviation(name) || undefined : undefined), profile: text(shop.pos?.profileName) ?? (name ? `${name} POS` : undefined) };
}

export interface FleetEntry {
  row: number;
  /** The shop file this row stands for (what is saved, and what the CLI and the app validate again). */
  file: Record<string, unknown>;
  config: ShopConfig;
}

export type FleetParse =
  | { ok: true; format: FleetFormat; shops: FleetEntry[]; warnings: FleetIssue[] }
  | { ok: false; format: FleetFormat; issues: FleetIssue[]; warnings: FleetIssue[]; rows: number };

function issue(format: FleetFormat, row: number | null, column: string | null, message: string): FleetIssue {
  const where = row === null ? 'file' : format === 'csv' ? `row ${row}${column ? `, column ${column}` : ''}` : `shop ${row}${column ? `, field ${column}` : ''}`;
  return { row, column, message, text: `${where}: ${message}` };
}

/** A validation problem of one shop, pointed at its CSV column ("item 2: …" inside a list cell). */
function csvIssue(row: number, problem: ShopIssue): FleetIssue {
  const column = columnOfField(problem.path) ?? problem.path;
  const field = FLEET_COLUMNS.find((c) => c.name === column)?.field ?? '';
  const rest = problem.path.slice(field.length + 1).split('.')[0];
  const position = rest && /^\d+$/.test(rest) ? `item ${Number(rest) + 1}: ` : rest ? `${rest}: ` : '';
  return issue('csv', row, column, `${position}${problem.message}`);
}

/** Sets a dotted field on the shop file being built from a row. */
function setField(file: Record<string, unknown>, field: string, value: unknown): void {
  const keys = field.split('.');
  let target = file;
  for (const key of keys.slice(0, -1)) target = (target[key] ??= {}) as Record<string, unknown>;
  target[keys.at(-1)!] = value;
}

const CELL_READERS: Partial<Record<string, (text: string) => unknown>> = {
  payment_methods: paymentMethodsCell,
  cashiers: cashiersCell,
  opening_balances: openingBalancesCell,
  demo_items: demoItemsCell,
};

/** The shop file of one CSV row; cells that cannot be read are reported, not guessed. */
function shopFromRow(record: CsvRecord, columns: (FleetColumn | undefined)[], problems: FleetIssue[]): Record<string, unknown> {
  const file: Record<string, unknown> = { pos: {} };
  columns.forEach((column, index) => {
    const text = record.cells[index]?.trim() ?? '';
    if (column?.required && text === '') problems.push(issue('csv', record.row, column.name, `is empty; every shop needs it (e.g. ${column.example})`));
    if (!column || text === '') return;
    try {
      setField(file, column.field, (CELL_READERS[column.name] ?? ((t: string) => t))(text));
    } catch (error) {
      if (!(error instanceof CellError)) throw error;
      problems.push(issue('csv', record.row, column.name, error.message));
    }
  });
  return file;
}

interface HeaderRead {
  columns: (FleetColumn | undefined)[];
  /** Required columns the header lacks: their per-row problems are said once, at the header. */
  missing: Set<string>;
}

function readHeader(header: CsvRecord, problems: FleetIssue[]): HeaderRead {
  const known = FLEET_COLUMNS.map((c) => c.name).join(', ');
  const seen = new Set<string>();
  const columns = header.cells.map((cell) => {
    const column = columnFor(cell);
    if (!column && cell.trim()) problems.push(issue('csv', header.row, cell.trim(), `not a fleet column; the columns are ${known}`));
    if (column && seen.has(column.name)) problems.push(issue('csv', header.row, column.name, 'this column appears twice'));
    if (column) seen.add(column.name);
    return column;
  });
  const missing = new Set(FLEET_COLUMNS.filter((c) => c.required && !seen.has(c.name)).map((c) => c.name));
  for (const name of missing) problems.push(issue('csv', header.row, name, `the required column "${name}" is missing (e.g. ${FLEET_COLUMNS.find((c) => c.name === name)!.example})`));
  return { columns, missing };
}

interface Checked {
  shops: FleetEntry[];
  keys: RowKeys[];
  issues: FleetIssue[];
  warnings: FleetIssue[];
}

function parseCsv(text: string): Checked & { rows: number } {
  const out: Checked & { rows: number } = { shops: [], keys: [], issues: [], warnings: [], rows: 0 };
  let records: CsvRecord[];
  try {
    records = readCsv(text);
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    out.issues.push(issue('csv', error.row, null, error.message));
    return out;
  }
  const filled = records.filter((record) => !isBlank(record));
  const [header, ...rows] = filled;
  if (!header) return { ...out, issues: [issue('csv', null, null, 'the file is empty: it needs a header row and one row per shop (see examples/fleet.csv)')] };
  const { columns, missing } = readHeader(header, out.issues);
  for (const record of rows) {
    out.rows += 1;
    if (record.cells.length > columns.length) {
      out.issues.push(issue('csv', record.row, null, `${record.cells.length} cells but the header has ${columns.length} columns: put a cell holding a comma in double quotes`));
      continue;
    }
    const unreadable: FleetIssue[] = [];
    const file = shopFromRow(record, columns, unreadable);
    out.issues.push(...unreadable);
    // A column already reported (missing from the header, or a cell that could not be read) is said once.
    const said = new Set([...missing, ...unreadable.map((p) => p.column ?? '')]);
    out.keys.push(keysOf(record.row, file));
    const result = validateShop(file);
    out.warnings.push(...result.warnings.map((w) => csvIssue(record.row, w)));
    if (result.ok && unreadable.length === 0) out.shops.push({ row: record.row, file, config: result.value });
    else if (!result.ok) out.issues.push(...result.issues.map((p) => csvIssue(record.row, p)).filter((p) => !said.has(p.column ?? '')));
  }
  return out;
}

function parseJson(text: string): Checked & { rows: number } {
  const out: Checked & { rows: number } = { shops: [], keys: [], issues: [], warnings: [], rows: 0 };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ...out, issues: [issue('json', null, null, `not valid JSON: ${(error as Error).message}`)] };
  }
  const list = Array.isArray(parsed) ? parsed : (parsed as { shops?: unknown } | null)?.shops;
  if (!Array.isArray(list)) return { ...out, issues: [issue('json', null, null, 'a JSON fleet file is a list of shop files: [ { "company": … }, … ]')] };
  list.forEach((file: unknown, index) => {
    out.rows += 1;
    out.keys.push(keysOf(index + 1, file));
    const result = validateShop(file);
    out.warnings.push(...result.warnings.map((w) => issue('json', index + 1, w.path, w.message)));
    if (result.ok) out.shops.push({ row: index + 1, file: file as Record<string, unknown>, config: result.value });
    else out.issues.push(...result.issues.map((p) => issue('json', index + 1, p.path, p.message)));
  });
  return out;
}

/** Rules across rows: one row per shop, and what ERPNext needs unique on a site. */
function acrossRows(format: FleetFormat, rows: RowKeys[]): FleetIssue[] {
  const problems: FleetIssue[] = [];
  const column = (csv: string, json: string) => (format === 'csv' ? csv : json);
  const where = (row: number) => (format === 'csv' ? `row ${row}` : `shop ${row}`);
  const repeated = new Set<number>();
  const unique = (key: keyof Omit<RowKeys, 'row'>, col: string, say: (value: string, first: number) => string) => {
    const first = new Map<string, number>();
    for (const keys of rows) {
      const value = keys[key];
      // A row that repeats another shop is said once: its abbreviation and profile clash as a consequence.
      if (!value || (key !== 'name' && repeated.has(keys.row))) continue;
      const seen = first.get(value.toLowerCase());
      if (seen === undefined) first.set(value.toLowerCase(), keys.row);
      else {
        problems.push(issue(format, keys.row, col, say(value, seen)));
        if (key === 'name') repeated.add(keys.row);
      }
    }
  };
  unique('name', column('company', 'company.name'), (v, r) => `"${v}" is also on ${where(r)}: one row per shop`);
  unique('abbr', column('abbr', 'company.abbr'), (v, r) => `the abbreviation "${v}" is also used on ${where(r)}; ERPNext needs each company's abbreviation unique on the site`);
  unique('profile', column('pos_profile', 'pos.profileName'), (v, r) => `the POS Profile "${v}" is also on ${where(r)}; each shop needs its own`);
  return problems;
}

/** CSV or JSON: by the file's extension, else by its first character. */
export function fleetFormat(fileName: string, text: string): FleetFormat {
  if (/\.json$/i.test(fileName)) return 'json';
  if (/\.(csv|tsv|txt)$/i.test(fileName)) return 'csv';
  return /^\s*[[{]/.test(text.replace(/^\uFEFF/, '')) ? 'json' : 'csv';
}

/**
 * Reads a fleet file and validates every shop in it with the shop file's rules, reporting every
 * problem at once with its row and column; `ok` only when every row is valid (nothing is sent otherwise).
 */
export function parseFleet(text: string, fileName = ''): FleetParse {
  const format = fleetFormat(fileName, text);
  const read = format === 'csv' ? parseCsv(text) : parseJson(text);
  const issues = [...read.issues, ...acrossRows(format, read.keys)];
  if (issues.length === 0 && read.shops.length === 0) issues.push(issue(format, null, null, 'the file lists no shop'));
  if (issues.length > 0) return { ok: false, format, issues: sortIssues(issues), warnings: read.warnings, rows: read.rows };
  return { ok: true, format, shops: read.shops, warnings: read.warnings };
}

const sortIssues = (issues: FleetIssue[]) => [...issues].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
