import type { ShopFile } from '../shop/schema';

/** A cell that could not be read as its column's kind of value. */
export class CellError extends Error {}

/** After a payment method's name: `*` is the default, `+` creates it in ERPNext when the site lacks it. */
export const DEFAULT_MARK = '*';
export const CREATE_MARK = '+';

/** "Cash*;Credit Card;Gift Card+": methods separated by semicolons, marks after the name (in any order). */
export function paymentMethodsCell(text: string): ShopFile['pos']['paymentMethods'] {
  return splitList(text).map((part) => {
    const marks = /[*+\s]*$/.exec(part)![0];
    const mode = part.slice(0, part.length - marks.length).trim();
    if (!mode) throw new CellError(`a ${DEFAULT_MARK} or ${CREATE_MARK} must follow a payment method name, as in "Cash*;Credit Card;Gift Card+"`);
    return { mode, ...(marks.includes(DEFAULT_MARK) ? { default: true } : {}), ...(marks.includes(CREATE_MARK) ? { create: true } : {}) };
  });
}

/** "anna@shop.example;ben@shop.example" */
export const cashiersCell = (text: string): string[] => splitList(text);

/** "Cash=150;Credit Card=0" (or "Cash: 150"): an opening float per payment method. */
export function openingBalancesCell(text: string): Record<string, number> {
  const balances: Record<string, number> = {};
  for (const part of splitList(text)) {
    const match = /^(.+?)\s*[=:]\s*(.*)$/.exec(part);
    if (!match) throw new CellError(`"${part}" needs an amount, as in "Cash=150"`);
    const [, mode, amount] = match as unknown as [string, string, string];
    const value = Number(amount.replace(/\s/g, ''));
    if (amount.trim() === '' || !Number.isFinite(value)) throw new CellError(`the opening balance for ${mode.trim()} must be a number (a dot for decimals), got "${amount.trim()}"`);
    balances[mode.trim()] = value;
  }
  return balances;
}

const YES = new Set(['yes', 'y', 'true', '1', 'x']);
const NO = new Set(['no', 'n', 'false', '0']);

/** yes / no (also true/false, 1/0): demo items are the default sample list or none. */
export function demoItemsCell(text: string): boolean {
  const value = text.trim().toLowerCase();
  if (YES.has(value)) return true;
  if (NO.has(value)) return false;
  throw new CellError(`write yes or no, got "${text.trim()}"`);
}

function splitList(text: string): string[] {
  return text
    .split(';')
    .map((part) => part.trim())
    .filter(Boolean);
}
