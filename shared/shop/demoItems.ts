import type { DemoItem } from './schema';

/** The demo list used when a shop file says `"demoItems": true`: a small café, prefixed by the abbreviation. */
export function defaultDemoItems(abbr: string): DemoItem[] {
  const prefix = abbr.toUpperCase();
  return [
    { code: `${prefix}-ESPRESSO`, name: 'Espresso', price: 2.5, openingQty: 100 },
    { code: `${prefix}-CAPPUCCINO`, name: 'Cappuccino', price: 3.2, openingQty: 100 },
    { code: `${prefix}-CROISSANT`, name: 'Croissant', price: 1.8, openingQty: 40 },
    { code: `${prefix}-WATER`, name: 'Still Water 50cl', price: 1.0, openingQty: 60 },
  ];
}
