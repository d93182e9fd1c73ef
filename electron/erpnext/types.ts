/** Filter operators ERPNext accepts in list queries (CONTRACT §2.2). */
export type FilterOperator =
  | '='
  | '!='
  | '>'
  | '<'
  | '>='
  | '<='
  | 'like'
  | 'not like'
  | 'in'
  | 'not in'
  | 'is'
  | 'between'
  | 'descendants of'
  | 'descendants of (inclusive)'
  | 'ancestors of'
  | 'not descendants of'
  | 'not ancestors of';

export type FilterValue = string | number | boolean | null | readonly (string | number)[];
export type FilterTriple = readonly [field: string, operator: FilterOperator, value: FilterValue];
/** The four-item form can filter on a child table, e.g. ['Mode of Payment Account', 'company', '=', 'C']. */
export type FilterQuad = readonly [doctype: string, field: string, operator: FilterOperator, value: FilterValue];
export type Filters = Readonly<Record<string, FilterValue | readonly [FilterOperator, FilterValue]>> | readonly (FilterTriple | FilterQuad)[];

export interface ListOptions {
  fields?: readonly string[];
  filters?: Filters;
  orFilters?: Filters;
  /** ERPNext applies no ORDER BY by default through REST, so pages are unstable without one (§2.2). */
  orderBy?: string;
  limitStart?: number;
  /** Page size; 0 = no limit. ERPNext's default is 20. */
  limitPageLength?: number;
}

/** Any ERPNext document: name plus whatever fields were asked for. v15 omits null fields. */
export interface Doc {
  name: string;
  doctype?: string;
  docstatus?: number;
  modified?: string;
  [field: string]: unknown;
}

export interface AppVersion {
  title?: string;
  version: string;
  branch?: string;
  branch_version?: string;
}

export type SiteVersions = Record<string, AppVersion>;
