import { describe, expect, it } from 'vitest';
import { companyAbbreviation, suggestAbbreviation, validateShop } from '../../../shared/shop';

const good = {
  company: { name: 'Corner Cafe', abbr: 'CC', country: 'United States', currency: 'USD' },
  pos: { paymentMethods: [{ mode: 'Cash', default: true }, { mode: 'Credit Card' }], cashiers: ['cashier@shop.test'], openingBalances: { Cash: 100 } },
};

describe('shop file validation', () => {
  it('accepts a good file and fills the defaults', () => {
    const result = validateShop(good);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.warehouses).toEqual({ main: 'Main Store', pos: 'POS Store' });
    expect(result.value.customer).toBe('Walk-in Customer');
    expect(result.value.demoItems).toBe(false);
    expect(result.value.company.chartOfAccounts).toBe('Standard');
    expect(result.warnings).toEqual([]);
  });

  it('reports every problem at once, each with its field path', () => {
    const result = validateShop({
      company: { name: '', abbr: 'C C', country: 'Atlantis', currency: 'usd' },
      warehouses: { main: 'Store', pos: 'store' },
      demoItems: [{ code: 'A', name: 'A', price: -1 }, { code: 'a', name: 'B', price: 0, openingQty: 5 }],
      customer: 'Individual',
      pos: { paymentMethods: [{ mode: 'Cash', default: true }, { mode: 'cash', default: true }], cashiers: ['not an email'], openingBalances: { Voucher: 5 } },
      extra: 1,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const paths = result.issues.map((issue) => issue.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'company.name',
        'company.abbr',
        'company.currency',
        'company.country',
        'demoItems.0.price',
        'demoItems.1.code',
        'demoItems.1.price',
        'warehouses.pos',
        'customer',
        'pos.paymentMethods.1.mode',
        'pos.paymentMethods',
        'pos.cashiers.0',
        'pos.openingBalances.Voucher',
        '(file)',
      ]),
    );
    for (const issue of result.issues) expect(issue.message.length).toBeGreaterThan(8);
  });

  it('requires the sections and at least one payment method', () => {
    const result = validateShop({ pos: { paymentMethods: [] } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => i.path)).toEqual(expect.arrayContaining(['company', 'pos.paymentMethods']));
  });

  it('refuses nonsense that is not a shop at all', () => {
    for (const input of [null, 42, 'shop', []]) expect(validateShop(input).ok).toBe(false);
  });

  it('needs exactly one default among several payment methods, but a single one is default by itself', () => {
    const none = validateShop({ ...good, pos: { paymentMethods: [{ mode: 'Cash' }, { mode: 'Card' }] } });
    expect(none.ok || none.issues).toEqual([{ path: 'pos.paymentMethods', message: 'Mark exactly one payment method as default (found 0)' }]);
    expect(validateShop({ ...good, pos: { paymentMethods: [{ mode: 'Cash' }] } }).ok).toBe(true);
  });

  it('flags a currency unusual for the country without blocking', () => {
    const result = validateShop({ ...good, company: { ...good.company, country: 'Kenya', currency: 'USD' } });
    expect(result.ok).toBe(true);
    expect(result.warnings).toEqual([{ path: 'company.currency', message: expect.stringMatching(/Kenya usually use KES/) }]);
  });

  it('refuses names ERPNext would refuse or mangle', () => {
    const result = validateShop({ ...good, company: { ...good.company, name: 'Shop <b>' }, customer: 'Walk - in' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => i.path)).toEqual(['company.name', 'customer']);
  });

  it('derives the abbreviation like ERPNext does', () => {
    expect(suggestAbbreviation('Corner Cafe Downtown')).toBe('CCD');
    expect(suggestAbbreviation('  über   bäckerei ')).toBe('ÜB');
    const result = validateShop({ ...good, company: { name: 'Corner Cafe', country: 'United States', currency: 'USD' } });
    expect(result.ok && companyAbbreviation(result.value)).toBe('CC');
  });
});

describe('the published JSON Schema', () => {
  it('matches the schema the code validates with (run `npm run schema` after changing it)', async () => {
    const { readFileSync } = await import('node:fs');
    const { shopJsonSchema } = await import('../../../shared/shop/jsonSchema');
    const published = JSON.parse(readFileSync(new URL('../../../shared/shop/shop.schema.json', import.meta.url), 'utf8'));
    expect(published).toEqual(JSON.parse(JSON.stringify(shopJsonSchema())));
  });
});
