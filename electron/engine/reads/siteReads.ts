import { AsyncLocalStorage } from 'node:async_hooks';
import type { ErpNextClient, WriteEvent } from '../../erpnext/client';
import type { Doc, FilterTriple, ListOptions, SiteVersions } from '../../erpnext/types';
import { ReadCache, type ReadSpec } from './cache';
import * as facts from './facts';
import type { BinFacts, FiscalYearFacts, ItemFacts, ModeFacts, OpeningFacts, PriceFacts, ProfileFacts, UserFacts } from './facts';

export type SingleDoctype = 'System Settings' | 'Global Defaults' | 'Selling Settings' | 'Stock Settings';

/** Company fields the run and the readiness check look at (CONTRACT §4.3, §4.11). */
export const COMPANY_FIELDS = [
  'name', 'company_name', 'abbr', 'default_currency', 'country', 'enable_perpetual_inventory',
  'default_cash_account', 'default_bank_account', 'default_receivable_account', 'default_income_account', 'default_expense_account',
  'write_off_account', 'round_off_account', 'round_off_cost_center', 'cost_center', 'default_inventory_account', 'stock_adjustment_account',
] as const;

export interface CompanyFacts {
  /** The company of this shop (ERPNext names it by company_name, compared case-insensitively like MariaDB). */
  company: Doc | null;
  /** Other companies using the shop's abbreviation ("Abbreviation already used for another company"). */
  abbrTakenBy: Doc[];
}

const same = (a: unknown, b: string) => String(a ?? '').toLowerCase() === b.toLowerCase();

function withCustomer(profile: ProfileFacts | null, write: WriteEvent & { doc: Doc }): ProfileFacts | null | undefined {
  const linked = profile?.linked?.customer;
  if (!profile || !linked || linked.name !== write.doc.name) return profile;
  if (write.kind !== 'update') return undefined;
  return { ...profile, linked: { ...profile.linked!, customer: { ...linked, disabled: Number(write.doc.disabled ?? 0) === 1 } } };
}

function openingsSpec(profile: string, user: string): ReadSpec<OpeningFacts[]> {
  return {
    tags: ['POS Opening Entry'],
    absorb: (old, write) => {
      const entry = facts.openingFromDoc(write.doc);
      if (entry.posProfile !== profile || entry.user !== user) return undefined;
      const kept = old.filter((e) => e.name !== entry.name);
      return entry.docstatus < 2 ? [...kept, entry] : kept;
    },
  };
}

/**
 * Saving a company gives the Cash-type Mode of Payment an account row for it, when it has none, with the
 * company's default cash account [E15:erpnext/setup/doctype/company/company.py set_mode_of_payment_account:
 * `frappe.db.get_value("Mode of Payment", {"type": "Cash"})`]. Certain only when there is one Cash-type mode
 * (the query takes any) and the saved company's answer names its cash account.
 */
function cashRowAfterCompanySave(modes: ModeFacts[], write: WriteEvent): ModeFacts[] | undefined {
  if (write.doctype !== 'Company' || !write.doc) return undefined;
  const company = write.doc.name;
  const cash = modes.filter((m) => m.type === 'Cash');
  if (cash.length === 1 && cash[0]!.accounts.some((row) => row.company === company)) return modes;
  const account = write.doc.default_cash_account;
  if (cash.length !== 1 || typeof account !== 'string' || !account) return cash.length === 0 ? modes : undefined;
  return modes.map((m) => (m === cash[0] ? { ...m, accounts: [...m.accounts, { company, default_account: account }] } : m));
}

/** Adds or replaces a document by name: an absorb must not care whether the read already saw the write. */
function upsert<T extends { name: string }>(list: readonly T[], doc: T): T[] {
  return list.some((row) => row.name === doc.name) ? list.map((row) => (row.name === doc.name ? { ...row, ...doc } : row)) : [...list, doc];
}

/** Set while the prefetch issues reads (carried through its awaits, not leaking into the steps' reads). */
const prefetching = new AsyncLocalStorage<boolean>();

/**
 * Every read of a run, memoised: one request per question, whichever step asks first (the prefetch asks
 * for everything at once after the engine check). Each is a list query (one doctype per request is all
 * Frappe offers) that asks for exactly the fields, child-table columns and linked fields the steps use.
 */
export class SiteReads {
  readonly cache = new ReadCache();
  private readonly unsubscribe: () => void;

  /** Records this run inserted ("Company|Corner Cafe"): what is known of them without asking. */
  private readonly created = new Set<string>();

  constructor(private readonly client: ErpNextClient) {
    this.unsubscribe = client.onWrite((write) => {
      if (write.kind === 'insert' && write.doc) this.created.add(`${write.doctype}|${write.doc.name}`.toLowerCase());
      this.cache.wrote(write);
    });
  }

  private createdHere(doctype: string, name: string): boolean {
    return this.created.has(`${doctype}|${name}`.toLowerCase());
  }

  private prefetched = false;
  /** The steps running now (their plans are not read ahead again while they write). */
  readonly running = new Set<string>();

  dispose(): void {
    this.unsubscribe();
  }

  private warmedUp = false;

  /** True the first time only: whether the run still has to read ahead. */
  startPrefetch(): boolean {
    if (this.prefetched) return false;
    this.prefetched = true;
    return true;
  }

  /** True the first time only: the write guards are settled ahead of the run's first write once. */
  startWarmUp(): boolean {
    if (this.warmedUp) return false;
    this.warmedUp = true;
    return true;
  }

  /** Runs `reads` as a prefetch: failures stay quiet and are retried by the step that needs the data. */
  ahead<T>(reads: () => Promise<T>): Promise<T> {
    return prefetching.run(true, reads);
  }

  private load<T>(key: string, spec: ReadSpec<T>, loader: () => Promise<T>): Promise<T> {
    return this.cache.load(key, spec, loader, prefetching.getStore() === true);
  }

  private list(doctype: string, options: ListOptions): Promise<Doc[]> {
    return this.client.list(doctype, { limitPageLength: 0, ...options });
  }

  /** Who the API key belongs to [frappe.auth.get_logged_user]. */
  loggedUser(): Promise<string> {
    return this.load('loggedUser', { tags: [] }, () => this.client.getLoggedUser());
  }

  versions(): Promise<SiteVersions> {
    return this.load('versions', { tags: [] }, () => this.client.getVersions());
  }

  /** Every role of a user as Frappe counts them (get_roles: all roles for Administrator). */
  roles(user: string): Promise<string[]> {
    return this.load(`roles:${user}`, { tags: ['User'] }, () => this.client.getRoles(user));
  }

  single(doctype: SingleDoctype): Promise<Doc> {
    return this.load(`single:${doctype}`, { tags: [doctype], absorb: (_old, write) => write.doc }, () => this.client.getSingle(doctype));
  }

  /**
   * The API user and the cashiers with their roles and own defaults, in one list: User joined with its
   * `roles` (Has Role) and `defaults` (DefaultValue) tables.
   */
  users(names: readonly string[], fresh = false): Promise<UserFacts[]> {
    const unique = [...new Set(names)].sort();
    if (fresh) this.cache.drop(`users:${unique.join('|')}`);
    return this.load(
      `users:${unique.join('|')}`,
      { tags: ['User'], absorb: (old, write) => (write.kind === 'child' ? old.map((user) => (user.name === write.doc.name ? facts.userFromDoc(write.doc) : user)) : undefined) },
      async () => facts.usersFrom(await this.list('User', { fields: ['name', 'enabled', 'roles.role as role', 'defaults.defkey as defkey', 'defaults.defvalue as defvalue'], filters: [['name', 'in', unique]] })),
    );
  }

  /** The shop's company by name and any company holding its abbreviation, in one query (or_filters). */
  company(name: string, abbr: string): Promise<CompanyFacts> {
    return this.load(
      `company:${name}|${abbr}`,
      { tags: ['Company'], absorb: (old, write) => (same(write.doc.name, name) ? { ...old, company: { ...(old.company ?? {}), ...write.doc } } : undefined) },
      async () => {
        const rows = await this.list('Company', { fields: [...COMPANY_FIELDS], orFilters: [['name', '=', name], ['abbr', '=', abbr]] });
        return { company: rows.find((row) => same(row.name, name)) ?? null, abbrTakenBy: rows.filter((row) => !same(row.name, name) && same(row.abbr, abbr)) };
      },
    );
  }

  /** The company facts when they have already been read (nothing is sent). */
  knownCompany(name: string, abbr: string): CompanyFacts | undefined {
    return this.cache.peek(`company:${name}|${abbr}`);
  }

  /** The company's warehouses, root first (lft order): ERPNext's own check is company + warehouse_name (§4.5). */
  warehouses(company: string): Promise<Doc[]> {
    return this.load(
      `warehouses:${company}`,
      { tags: ['Warehouse'], absorb: (old, write) => (write.kind === 'insert' && write.doc.company === company ? upsert(old, write.doc) : undefined) },
      () => this.list('Warehouse', { fields: ['name', 'warehouse_name', 'company', 'is_group', 'parent_warehouse', 'disabled'], filters: [['company', '=', company]], orderBy: 'lft asc' }),
    );
  }

  /** The company's chart (about 90 accounts for "Standard"): names vary with chart and language, so by type and name (§4.4). */
  accounts(company: string): Promise<Doc[]> {
    return this.load(
      `accounts:${company}`,
      { tags: ['Account'], absorb: (old, write) => (write.kind === 'insert' && write.doc.company === company ? upsert(old, write.doc) : undefined) },
      () => this.list('Account', { fields: ['name', 'account_name', 'account_type', 'is_group', 'disabled', 'parent_account'], filters: [['company', '=', company]], orderBy: 'lft asc' }),
    );
  }

  costCenters(company: string): Promise<Doc[]> {
    return this.load(`costCenters:${company}`, { tags: ['Cost Center'] }, () =>
      this.list('Cost Center', { fields: ['name', 'cost_center_name'], filters: [['company', '=', company], ['is_group', '=', 0]], orderBy: 'lft asc' }),
    );
  }

  /** Every Mode of Payment with its per-company account rows (the shop's are checked, the rest named when one is missing). */
  modes(): Promise<ModeFacts[]> {
    return this.load(
      'modes',
      {
        tags: ['Mode of Payment'],
        absorb: (old, write) => {
          const mode = facts.modeFromDoc(write.doc);
          return old.some((m) => m.name === mode.name) ? old.map((m) => (m.name === mode.name ? mode : m)) : [...old, mode];
        },
        follows: cashRowAfterCompanySave,
      },
      async () => facts.modesFrom(await this.list('Mode of Payment', { fields: ['name', 'type', 'enabled', 'accounts.company as account_company', 'accounts.default_account as default_account'], orderBy: '`tabMode of Payment`.`name` asc' })),
    );
  }

  /**
   * The POS Profile with its payments and cashiers (two child tables: rows multiply, grouped back) and what
   * its links point at (link_field.col, CONTRACT §2.2): the walk-in customer, the price list, the warehouse.
   */
  profile(name: string): Promise<ProfileFacts | null> {
    return this.load(
      `profile:${name}`,
      // Our own writes can only change the linked customer by enabling it; other links keep what they said.
      { tags: ['POS Profile', 'Customer'], absorb: (old, write) => (write.doctype === 'Customer' ? withCustomer(old, write) : same(write.doc.name, name) ? facts.profileFromDoc(write.doc) : undefined) },
      async () =>
        facts.profileFrom(
          await this.list('POS Profile', {
            fields: [
              'name', 'company', 'currency', 'warehouse', 'customer', 'selling_price_list', 'disabled', 'write_off_account', 'write_off_cost_center',
              'payments.mode_of_payment as payment_mode', 'payments.default as payment_default',
              'applicable_for_users.user as cashier', 'applicable_for_users.default as cashier_default',
              'customer.customer_name as linked_customer_name', 'customer.disabled as linked_customer_disabled',
              'selling_price_list.currency as linked_price_list_currency', 'selling_price_list.enabled as linked_price_list_enabled',
              'warehouse.company as linked_warehouse_company', 'warehouse.is_group as linked_warehouse_is_group', 'warehouse.disabled as linked_warehouse_disabled',
            ],
            filters: [['name', '=', name]],
          }),
        ),
    );
  }

  /**
   * Other enabled profiles of the company where these users are the default cashier (§4.9 "Already set
   * default…"). A company this run created has no profile but the one this run makes: nothing to ask.
   */
  defaultProfilesOf(users: readonly string[], company: string, except: string): Promise<Doc[]> {
    if (this.createdHere('Company', company)) return Promise.resolve([]);
    return this.load(`defaultProfiles:${[...users].sort().join('|')}|${company}|${except}`, { tags: ['POS Profile'] }, () =>
      this.list('POS Profile', {
        fields: ['name', 'applicable_for_users.user as cashier'],
        filters: [['POS Profile User', 'user', 'in', [...users]], ['POS Profile User', 'default', '=', 1], ['company', '=', company], ['disabled', '=', 0], ['name', '!=', except]],
      }),
    );
  }

  /** Customers by customer_name, oldest first: ERPNext renames a duplicate instead of refusing it (§4.8). */
  customers(customerName: string, fresh = false): Promise<Doc[]> {
    if (fresh) this.cache.drop(`customers:${customerName}`);
    return this.load(
      `customers:${customerName}`,
      {
        tags: ['Customer'],
        absorb: (old, write) => (write.kind === 'insert' && same(write.doc.customer_name, customerName) ? upsert(old, write.doc) : write.kind === 'update' ? old.map((c) => (c.name === write.doc.name ? { ...c, ...write.doc } : c)) : undefined),
      },
      () => this.list('Customer', { fields: ['name', 'customer_name', 'disabled', 'customer_details', 'customer_group', 'territory'], filters: [['customer_name', '=', customerName]], orderBy: 'creation asc' }),
    );
  }

  /** The cashier's drafts and submitted entries on the profile, oldest first, with their balance modes (§4.10). */
  openings(profile: string, user: string): Promise<OpeningFacts[]> {
    return this.load(`openings:${profile}|${user}`, openingsSpec(profile, user), async () =>
      facts.openingsFrom(
        await this.list('POS Opening Entry', {
          fields: ['name', 'docstatus', 'status', 'owner', 'user', 'pos_profile', 'balance_details.mode_of_payment as balance_mode'],
          filters: [['pos_profile', '=', profile], ['user', '=', user], ['docstatus', '<', 2]],
          // Qualified: the joined child table has a creation column too (MariaDB: ambiguous column).
          orderBy: '`tabPOS Opening Entry`.`creation` asc',
        }),
      ),
    );
  }

  /**
   * A POS Opening Entry links its profile: a profile this run has just created has no session yet, known
   * without asking.
   */
  newProfileHasNoSessions(profile: string, user: string): void {
    this.cache.seed(`openings:${profile}|${user}`, openingsSpec(profile, user), []);
  }

  /** Enabled fiscal years covering a date, with the companies each is restricted to (§4.11). */
  fiscalYears(date: string): Promise<FiscalYearFacts[]> {
    return this.load(
      `fiscalYears:${date}`,
      {
        tags: ['Fiscal Year'],
        absorb: (old, write) => {
          const year = facts.fiscalYearFromDoc(write.doc);
          if (!(year.startDate <= date && date <= year.endDate)) return old;
          return old.some((y) => y.name === year.name) ? old.map((y) => (y.name === year.name ? year : y)) : [year, ...old];
        },
      },
      async () =>
        facts.fiscalYearsFrom(
          await this.list('Fiscal Year', {
            fields: ['name', 'year_start_date', 'year_end_date', 'companies.company as company'],
            filters: [['disabled', '=', 0], ['year_start_date', '<=', date], ['year_end_date', '>=', date]],
            orderBy: '`tabFiscal Year`.`year_start_date` desc',
          }),
        ),
    );
  }

  /** Every price list (few on any site): a disabled or buying "Standard Selling" still takes the name. */
  priceLists(): Promise<Doc[]> {
    return this.load(
      'priceLists',
      { tags: ['Price List'], absorb: (old, write) => (write.kind === 'insert' ? upsert(old, write.doc) : undefined) },
      () => this.list('Price List', { fields: ['name', 'currency', 'enabled', 'selling'], orderBy: 'creation asc' }),
    );
  }

  /** Prices of these items in any list, each with its item's facts (link fields): one query for both. */
  prices(codes: readonly string[]): Promise<PriceFacts[]> {
    const fields = ['item_name', 'item_group', 'stock_uom', 'disabled', 'is_sales_item', 'is_stock_item'].map((field) => `item_code.${field} as item_${field}`);
    return this.load(`prices:${codes.join('|')}`, { tags: ['Item Price', 'Item'] }, async () =>
      (await this.list('Item Price', { fields: ['name', 'item_code', 'price_list', 'uom', 'price_list_rate', 'customer', ...fields], filters: [['item_code', 'in', [...codes]]], orderBy: '`tabItem Price`.`creation` asc' })).map(facts.priceFrom),
    );
  }

  items(codes: readonly string[]): Promise<ItemFacts[]> {
    return this.load(
      `items:${codes.join('|')}`,
      { tags: ['Item'], absorb: (old, write) => (write.kind === 'insert' ? upsert(old, facts.itemFrom(write.doc)) : undefined) },
      async () => (await this.list('Item', { fields: ['name', 'item_code', 'item_name', 'item_group', 'stock_uom', 'disabled', 'is_sales_item', 'is_stock_item'], filters: [['item_code', 'in', [...codes]]] })).map((row) => facts.itemFrom(row)),
    );
  }

  /** Stock on hand per item and warehouse: the Bin ERPNext keeps (what the POS checks availability against). */
  bins(codes: readonly string[]): Promise<BinFacts[]> {
    return this.load(`bins:${codes.join('|')}`, { tags: ['Bin', 'Item'] }, async () =>
      (await this.list('Bin', { fields: ['item_code', 'warehouse', 'actual_qty'], filters: [['item_code', 'in', [...codes]]] })).map((row) => ({ itemCode: String(row.item_code), warehouse: String(row.warehouse), actualQty: Number(row.actual_qty ?? 0) })),
    );
  }

  /** One record by name, or null (UOM "Nos", Warehouse Type "Transit"…). */
  record(doctype: string, name: string): Promise<Doc | null> {
    return this.load(`record:${doctype}|${name}`, { tags: [doctype], absorb: (old, write) => (same(write.doc.name, name) ? write.doc : old) }, () => this.client.findDoc(doctype, name));
  }

  /** A tree's root (no parent) and the named nodes (and, when asked, every leaf), in lft order. */
  tree(doctype: string, parentField: string, names: readonly string[], withLeaves = false): Promise<Doc[]> {
    const orFilters: FilterTriple[] = [[parentField, 'is', 'not set'], ...names.map((name): FilterTriple => ['name', '=', name]), ...(withLeaves ? [['is_group', '=', 0] as FilterTriple] : [])];
    return this.load(
      `tree:${doctype}|${names.join('|')}|${withLeaves}`,
      { tags: [doctype], absorb: (old, write) => (write.kind === 'insert' ? upsert(old, write.doc) : undefined) },
      () => this.list(doctype, { fields: ['name', 'is_group', parentField], orFilters, orderBy: 'lft asc' }),
    );
  }
}
