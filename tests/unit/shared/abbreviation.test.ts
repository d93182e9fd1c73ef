import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ERPNEXT_MESSAGES } from '../../../shared/errors/erpnextMessages';
import { ABBREVIATION_MAX_LENGTH, ABBREVIATION_PATTERN, ABBREVIATION_RULE, suggestAbbreviation, validateShop } from '../../../shared/shop';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

const shopWithAbbr = (abbr: string) => ({
  company: { name: 'Corner Cafe', abbr, country: 'United States', currency: 'USD' },
  pos: { paymentMethods: [{ mode: 'Cash', default: true }] },
});

const abbrIssues = (abbr: string) => {
  const result = validateShop(shopWithAbbr(abbr));
  return result.ok ? [] : result.issues.filter((issue) => issue.path === 'company.abbr').map((issue) => issue.message);
};

describe('the company abbreviation rule is one rule', () => {
  it('accepts what its words say and refuses the rest, quoting the same words', () => {
    expect(ABBREVIATION_RULE).toBe('1 to 10 letters or digits');
    for (const good of ['C', 'CC', 'CAFE2', 'Ü7', '1234567890', 'ABCDEFGHIJ']) expect(abbrIssues(good), good).toEqual([]);
    for (const bad of ['ABCDEFGHIJK', 'C C', 'C-C', 'C.C', '']) expect(abbrIssues(bad), bad).toEqual([`Abbreviation must be ${ABBREVIATION_RULE}, without spaces`]);
  });

  it('ERPNext-style derivation stays within the rule, however long the name', () => {
    const derived = suggestAbbreviation('a b c d e f g h i j k l m');
    expect(derived).toHaveLength(ABBREVIATION_MAX_LENGTH);
    expect(ABBREVIATION_PATTERN.test(derived)).toBe(true);
  });

  it('the published JSON Schema carries the same pattern', () => {
    const published = JSON.parse(readFileSync(path.join(ROOT, 'shared/shop/shop.schema.json'), 'utf8')) as { properties: { company: { properties: { abbr: { pattern: string } } } } };
    expect(published.properties.company.properties.abbr.pattern).toBe(ABBREVIATION_PATTERN.source);
  });

  it("the hints for ERPNext's abbreviation refusals quote the rule", () => {
    const abbrRules = ERPNEXT_MESSAGES.filter((rule) => rule.id.startsWith('company_abbr'));
    expect(abbrRules.map((rule) => rule.id)).toEqual(['company_abbr_used', 'company_abbr_mandatory']);
    for (const rule of abbrRules) expect(rule.hint).toContain(ABBREVIATION_RULE);
  });

  it('no other source file states its own length rule for the abbreviation', () => {
    const stray: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
        const relative = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(relative);
        else if (/\.tsx?$/.test(entry.name) && relative !== path.join('shared', 'shop', 'abbreviation.ts')) {
          const text = readFileSync(path.join(ROOT, relative), 'utf8');
          if (/\d+ to \d+ (letters|characters)|\{1,\d+\}\$\/u/.test(text)) stray.push(relative);
        }
      }
    };
    for (const dir of ['electron', 'renderer', 'shared']) walk(dir);
    expect(stray).toEqual([]);
  });
});
