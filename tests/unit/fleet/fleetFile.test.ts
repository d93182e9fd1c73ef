import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FLEET_COLUMNS, parseFleet } from '../../../shared/fleet';
import { readCsv } from '../../../shared/fleet/csv';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const HEADER = 'company,abbr,country,currency,payment_methods,opening_balances,demo_items,cashiers';
const csv = (...rows: string[]) => [HEADER, ...rows].join('\n');
const problems = (text: string, name = 'fleet.csv') => {
  const result = parseFleet(text, name);
  return result.ok ? [] : result.issues.map((issue) => issue.text);
};

describe('reading CSV', () => {
  it('keeps quoted commas, quotes and line breaks in one cell, and counts rows as a spreadsheet does', () => {
    const records = readCsv('\uFEFFa,b\r\n"x, y","say ""hi"""\n\n"two\nlines",z\n');
    expect(records.map((r) => [r.row, r.cells])).toEqual([
      [1, ['a', 'b']],
      [2, ['x, y', 'say "hi"']],
      [3, ['']],
      [4, ['two\nlines', 'z']],
    ]);
  });

  it('reads semicolon-separated files (Excel in many locales) by the header', () => {
    const result = parseFleet('company;country;currency;payment_methods\nSemi Shop;Kenya;KES;"Cash*;M-Pesa"\n', 'fleet.csv');
    expect(result.ok && result.shops[0]!.config.pos.paymentMethods).toEqual([{ mode: 'Cash', default: true }, { mode: 'M-Pesa' }]);
  });

  it('says where a quote is never closed', () => {
    expect(problems(csv('Good Shop,GS,United States,USD,Cash', '"Broken,BS,United States,USD,Cash'))).toEqual(['row 3: a quoted cell is never closed: a " is missing']);
  });
});

describe('the shipped example', () => {
  it('README documents every column', () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('### Fleets'), readme.indexOf('### Beyond one machine'));
    for (const column of FLEET_COLUMNS) expect(section).toContain(`\`${column.name}\``);
  });

  it("README's payment_methods example shows both marks, and reads as it says", () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const row = readme.split('\n').find((line) => line.startsWith('| `payment_methods`'))!;
    expect(row).toMatch(/`\*` marks the default/);
    expect(row).toMatch(/`\+` marks one to create/);
    const example = /\| `([^`]+)` \|$/.exec(row)![1]!;
    const result = parseFleet(csv(`Readme Shop,RS,United States,USD,${example},,,`), 'f.csv');
    expect(result.ok && result.shops[0]!.config.pos.paymentMethods).toEqual([{ mode: 'Cash', default: true }, { mode: 'Credit Card' }, { mode: 'Gift Card', create: true }]);
  });

  it('examples/fleet.csv is valid and uses every column', () => {
    const text = readFileSync(path.join(ROOT, 'examples', 'fleet.csv'), 'utf8');
    const result = parseFleet(text, 'fleet.csv');
    expect(result.ok).toBe(true);
    expect(text.split('\n')[0]!.split(',')).toEqual(FLEET_COLUMNS.map((c) => c.name));
    if (!result.ok) return;
    const airport = result.shops.find((s) => s.config.company.name === 'Corner Cafe Airport')!;
    expect(airport.row).toBe(4);
    expect(airport.config).toMatchObject({ warehouses: { main: 'Airport Store', pos: 'Airport POS' }, customer: 'Walk-in Traveller', demoItems: false, pos: { paymentMethods: [{ mode: 'Cash' }, { mode: 'Credit Card', default: true }], openingBalances: { Cash: 200 } } });
  });
});

describe('a fleet CSV row becomes a shop file', () => {
  it('marks after a payment method: * the default, + create it when the site lacks it, in either order', () => {
    const result = parseFleet(csv('Marks Shop,MS,United States,USD,Cash;Gift Card +*;M-Pesa+,,,'), 'f.csv');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.shops[0]!.config.pos.paymentMethods).toEqual([{ mode: 'Cash' }, { mode: 'Gift Card', default: true, create: true }, { mode: 'M-Pesa', create: true }]);
  });

  it('maps each column to its shop-file field; an empty cell leaves the default', () => {
    const result = parseFleet(csv('Harbour Cafe,,United States,USD,Cash*;Credit Card,Cash=150;Credit Card: 0,yes,anna@shop.example; ben@shop.example'), 'f.csv');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.shops[0]!.config).toMatchObject({
      company: { name: 'Harbour Cafe', country: 'United States', currency: 'USD', chartOfAccounts: 'Standard' },
      warehouses: { main: 'Main Store', pos: 'POS Store' },
      demoItems: true,
      pos: { paymentMethods: [{ mode: 'Cash', default: true }, { mode: 'Credit Card' }], openingBalances: { Cash: 150, 'Credit Card': 0 }, cashiers: ['anna@shop.example', 'ben@shop.example'] },
    });
    expect(result.shops[0]!.config.company.abbr).toBeUndefined();
  });

  it('accepts headers in other spellings and the shop-file paths themselves', () => {
    const result = parseFleet('Company, Country ,CURRENCY,Payment Methods,company.abbr\nSpelled Shop,Kenya,KES,Cash,SS\n', 'f.csv');
    expect(result.ok && result.shops[0]!.config.company).toMatchObject({ name: 'Spelled Shop', abbr: 'SS' });
  });
});

describe('every problem at once, with its row and column, and nothing accepted', () => {
  it('reports cell, schema and business-rule problems of every row', () => {
    const result = parseFleet(
      csv(
        'Good Shop,GS,United States,USD,Cash*;Credit Card,,,',
        'Bad Abbr Shop,B S,United States,usd,Cash*;Credit Card*,Cash=lots,maybe,not-an-email',
        'Empty Methods,EM,Narnia,USD,,,,',
        'Balance Shop,BA,United States,USD,Cash,Card=10,,',
      ),
      'fleet.csv',
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => i.text)).toEqual([
      'row 3, column opening_balances: the opening balance for Cash must be a number (a dot for decimals), got "lots"',
      'row 3, column demo_items: write yes or no, got "maybe"',
      'row 3, column abbr: Abbreviation must be 1 to 10 letters or digits, without spaces',
      'row 3, column currency: Currency must be an ISO code in capitals, such as USD or EUR',
      'row 3, column cashiers: item 1: A cashier must be an ERPNext user id (an email, or Administrator)',
      'row 3, column payment_methods: Mark exactly one payment method as default (found 2)',
      'row 4, column payment_methods: is empty; every shop needs it (e.g. Cash*;Credit Card)',
      'row 4, column country: "Narnia" is not a country ERPNext knows (use the English name, e.g. "Kenya", "United States")',
      'row 5, column opening_balances: Card: "Card" is not one of the payment methods',
    ]);
    expect(result.issues[0]).toMatchObject({ row: 3, column: 'opening_balances' });
    expect(result.rows).toBe(4);
  });

  it('a row repeating another shop, or an abbreviation or POS Profile two shops would share, is refused', () => {
    expect(
      problems(
        csv('First Cafe,FC,United States,USD,Cash', 'Second Cafe,fc,United States,USD,Cash', 'First Cafe,ZZ,United States,USD,Cash', 'Fine Cafe,,United States,USD,Cash'),
      ),
    ).toEqual([
      'row 3, column abbr: the abbreviation "fc" is also used on row 2; ERPNext needs each company\'s abbreviation unique on the site',
      'row 4, column company: "First Cafe" is also on row 2: one row per shop',
      // "Fine Cafe" derives FC, as ERPNext would.
      'row 5, column abbr: the abbreviation "FC" is also used on row 2; ERPNext needs each company\'s abbreviation unique on the site',
    ]);
    expect(problems('company,country,currency,payment_methods,pos_profile\nA,Kenya,KES,Cash,Till\nB,Kenya,KES,Cash,till\n')).toEqual(['row 3, column pos_profile: the POS Profile "till" is also on row 2; each shop needs its own']);
  });

  it('names unknown, repeated and missing columns at the header, once', () => {
    expect(problems('company,colour,company,payment_methods\nA Shop,red,A Shop,Cash\nB Shop,blue,B Shop,Cash\n')).toEqual([
      expect.stringMatching(/^row 1, column colour: not a fleet column; the columns are company, abbr, country/),
      'row 1, column company: this column appears twice',
      'row 1, column country: the required column "country" is missing (e.g. United States)',
      'row 1, column currency: the required column "currency" is missing (e.g. USD)',
    ]);
  });

  it('a row with more cells than the header says how to quote a comma', () => {
    expect(problems(csv('Comma, Shop,CS,United States,USD,Cash,,,'))).toEqual(['row 2: 9 cells but the header has 8 columns: put a cell holding a comma in double quotes']);
  });

  it('an empty file, a header alone, a marker without a name', () => {
    expect(problems('')).toEqual([expect.stringMatching(/^file: the file is empty/)]);
    expect(problems(`${HEADER}\n\n`)).toEqual(['file: the file lists no shop']);
    const marker = 'row 2, column payment_methods: a * or + must follow a payment method name, as in "Cash*;Credit Card;Gift Card+"';
    expect(problems(csv('Star Shop,SS,United States,USD,*;Cash'))).toEqual([marker]);
    expect(problems(csv('Plus Shop,PS,United States,USD,Cash*;+'))).toEqual([marker]);
  });

  it('keeps warnings apart: they do not block the fleet', () => {
    const result = parseFleet(csv('Euro Shop,ES,United States,EUR,Cash,,,'), 'f.csv');
    expect(result.ok).toBe(true);
    expect(result.warnings.map((w) => w.text)).toEqual(['row 2, column currency: Shops in United States usually use USD, not EUR; check this is intended']);
  });
});

describe('a JSON fleet is a list of shop files', () => {
  const shop = (name: string, abbr: string) => ({ company: { name, abbr, country: 'Kenya', currency: 'KES' }, pos: { paymentMethods: [{ mode: 'Cash' }] } });

  it('validates each entry with the shop schema and names the entry and field', () => {
    const result = parseFleet(JSON.stringify([shop('One', 'ONE'), { company: { name: 'Two' } }, shop('Three', 'ONE')]), 'fleet.json');
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.issues.map((i) => i.text)).toEqual([
      'shop 2, field company.country: Country is required',
      'shop 2, field company.currency: Currency is required',
      'shop 2, field pos: Invalid input: expected object, received undefined',
      'shop 3, field company.abbr: the abbreviation "ONE" is also used on shop 1; ERPNext needs each company\'s abbreviation unique on the site',
    ]);
  });

  it('accepts { "shops": [...] } too, and says what a JSON fleet must look like otherwise', () => {
    expect(parseFleet(JSON.stringify({ shops: [shop('One', 'ONE')] }), 'f.json').ok).toBe(true);
    expect(problems('{"company": {}}', 'f.json')).toEqual(['file: a JSON fleet file is a list of shop files: [ { "company": … }, … ]']);
    expect(problems('[{', 'f.json')).toEqual([expect.stringMatching(/^file: not valid JSON: /)]);
  });

  it('tells CSV from JSON by the extension, else by the first character', () => {
    expect(parseFleet(JSON.stringify([shop('One', 'ONE')]), 'upload').format).toBe('json');
    expect(parseFleet(csv('A,A,Kenya,KES,Cash,,,'), 'upload').format).toBe('csv');
  });
});
