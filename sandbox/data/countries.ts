// Countries and currencies are shared with the shop-file validation and the UI.
export { COUNTRIES, CURRENCIES } from '../../shared/reference/countries';

/** Name of the US/default tax accounts ERPNext's country_wise_tax.json adds under "Duties and Taxes". */
export const COUNTRY_TAX_ACCOUNTS: Record<string, { name: string; rate: number }[]> = {
  'United States': [
    { name: 'ST 4%', rate: 4 },
    { name: 'ST 6.25%', rate: 6.25 },
    { name: 'ST 6%', rate: 6 },
  ],
};
