import type { Doc } from './store';

export type FieldType =
  | 'Data' | 'Link' | 'Dynamic Link' | 'Select' | 'Check' | 'Int' | 'Float' | 'Currency' | 'Percent'
  | 'Date' | 'Datetime' | 'Time' | 'Small Text' | 'Text' | 'Text Editor' | 'Long Text' | 'Code' | 'Password'
  | 'Table' | 'Table MultiSelect' | 'Attach Image' | 'Read Only';

export interface Field {
  fieldname: string;
  label: string;
  fieldtype: FieldType;
  options?: string; // Link/Table target, or Select options joined by "\n"
  reqd?: boolean;
  default?: string | number;
  setOnlyOnce?: boolean;
  readOnly?: boolean;
  allowOnSubmit?: boolean;
}

export interface Perm {
  role: string;
  read?: boolean;
  write?: boolean;
  create?: boolean;
  delete?: boolean;
  submit?: boolean;
  cancel?: boolean;
}

export type PermType = 'read' | 'write' | 'create' | 'delete' | 'submit' | 'cancel';

/** Controller hooks, named like the Python methods they mirror (frappe/model/document.py run_method). */
export interface Controller {
  autoname?(doc: Doc): void;
  beforeInsert?(doc: Doc): void;
  validate?(doc: Doc, before: Doc | null): void;
  beforeSubmit?(doc: Doc): void;
  beforeCancel?(doc: Doc): void;
  afterInsert?(doc: Doc): void;
  onUpdate?(doc: Doc, before: Doc | null): void;
  onSubmit?(doc: Doc): void;
  onCancel?(doc: Doc): void;
  onTrash?(doc: Doc): void;
  /** after_delete: runs once the row is gone (frappe/model/delete_doc.py) */
  afterDelete?(doc: Doc): void;
  /** whitelisted document methods for run_method */
  methods?: Record<string, (doc: Doc, args: Record<string, unknown>) => unknown>;
}

export interface DocTypeMeta {
  name: string;
  app: 'frappe' | 'erpnext';
  issingle?: boolean;
  istable?: boolean;
  isSubmittable?: boolean;
  /** 'field:x' | 'Prompt' | 'hash' | a naming series like 'POS-OPE-.YYYY.-.#####' | 'controller' */
  autoname?: string;
  titleField?: string;
  fields: Field[];
  perms: Perm[];
  controller?: Controller;
}

const titleCase = (fieldname: string) =>
  fieldname.split('_').map((w) => (w ? w[0]!.toUpperCase() + w.slice(1) : w)).join(' ');

type Opts = Partial<Omit<Field, 'fieldname' | 'fieldtype' | 'options'>>;

function make(fieldtype: FieldType, fieldname: string, options: string | undefined, opts: Opts = {}): Field {
  return { fieldname, fieldtype, options, label: opts.label ?? titleCase(fieldname), ...opts };
}

/** Field builders: the doctype files read like their JSON definitions. */
export const f = {
  data: (name: string, opts?: Opts) => make('Data', name, undefined, opts),
  text: (name: string, opts?: Opts) => make('Small Text', name, undefined, opts),
  link: (name: string, target: string, opts?: Opts) => make('Link', name, target, opts),
  select: (name: string, options: string[], opts?: Opts) => make('Select', name, options.join('\n'), opts),
  check: (name: string, def = 0, opts?: Opts) => make('Check', name, undefined, { default: def, ...opts }),
  int: (name: string, opts?: Opts) => make('Int', name, undefined, opts),
  float: (name: string, opts?: Opts) => make('Float', name, undefined, opts),
  currency: (name: string, opts?: Opts) => make('Currency', name, undefined, opts),
  date: (name: string, opts?: Opts) => make('Date', name, undefined, opts),
  datetime: (name: string, opts?: Opts) => make('Datetime', name, undefined, opts),
  time: (name: string, opts?: Opts) => make('Time', name, undefined, opts),
  /** options = the fieldname that holds the linked doctype (frappe Dynamic Link) */
  dynamicLink: (name: string, doctypeField: string, opts?: Opts) => make('Dynamic Link', name, doctypeField, opts),
  table: (name: string, childDoctype: string, opts?: Opts) => make('Table', name, childDoctype, opts),
};

export const NUMERIC_TYPES = new Set<FieldType>(['Check', 'Int', 'Float', 'Currency', 'Percent']);

/** Roles sets used across the standard DocPerms (CONTRACT §5). */
export const full = (role: string): Perm => ({ role, read: true, write: true, create: true, delete: true });
export const readOnly = (...roles: string[]): Perm[] => roles.map((role) => ({ role, read: true }));
