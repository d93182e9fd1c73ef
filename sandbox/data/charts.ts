// ERPNext 15 "Standard" chart of accounts, as a real site builds it for a new company
// (derived from shared/erpnext/recorded/11_get_accounts_for_company.json; template:
// erpnext/accounts/doctype/account/chart_of_accounts/verified/standard_chart_of_accounts.py).
export interface ChartNode {
  name: string;
  accountType?: string;
  isGroup?: boolean; // a group even without children
  number?: string; // used by "Standard with Numbers"
  children?: ChartNode[];
}
export interface ChartRoot extends ChartNode { rootType: 'Asset' | 'Liability' | 'Equity' | 'Income' | 'Expense' }

const leaf = (name: string, accountType?: string, number?: string): ChartNode => ({ name, accountType, number });
const group = (name: string, number: string | undefined, children: ChartNode[], accountType?: string): ChartNode =>
  ({ name, number, children, accountType, isGroup: true });

export const STANDARD_CHART: ChartRoot[] = [
  { rootType: 'Asset', ...group('Application of Funds (Assets)', '1000', [
    group('Current Assets', '1100-1600', [
      group('Accounts Receivable', '1300', [leaf('Debtors', 'Receivable', '1310')]),
      group('Bank Accounts', '1200', [], 'Bank'),
      group('Cash In Hand', '1100', [leaf('Cash', 'Cash', '1110')], 'Cash'),
      group('Loans and Advances (Assets)', '1600', [leaf('Employee Advances', undefined, '1610')]),
      group('Securities and Deposits', '1650', [leaf('Earnest Money', undefined, '1651')]),
      group('Stock Assets', '1400', [leaf('Stock In Hand', 'Stock', '1410')], 'Stock'),
      group('Tax Assets', '1500', []),
    ]),
    group('Fixed Assets', '1700', [
      leaf('Capital Equipments', 'Fixed Asset', '1710'), leaf('Electronic Equipments', 'Fixed Asset', '1720'),
      leaf('Furnitures and Fixtures', 'Fixed Asset', '1730'), leaf('Office Equipments', 'Fixed Asset', '1740'),
      leaf('Plants and Machineries', 'Fixed Asset', '1750'), leaf('Buildings', 'Fixed Asset', '1760'),
      leaf('Softwares', 'Fixed Asset', '1770'), leaf('Accumulated Depreciation', 'Accumulated Depreciation', '1780'),
      leaf('CWIP Account', 'Capital Work in Progress', '1790'),
    ]),
    group('Investments', '1800', []),
    group('Temporary Accounts', '1900', [leaf('Temporary Opening', 'Temporary', '1910')]),
  ]) },
  { rootType: 'Expense', ...group('Expenses', '5000', [
    group('Direct Expenses', '5100', [
      group('Stock Expenses', '5110', [
        leaf('Cost of Goods Sold', 'Cost of Goods Sold', '5111'),
        leaf('Expenses Included In Asset Valuation', 'Expenses Included In Asset Valuation', '5112'),
        leaf('Expenses Included In Valuation', 'Expenses Included In Valuation', '5118'),
        leaf('Stock Adjustment', 'Stock Adjustment', '5119'),
      ]),
    ]),
    group('Indirect Expenses', '5200', [
      leaf('Administrative Expenses', undefined, '5201'), leaf('Commission on Sales', undefined, '5202'),
      leaf('Depreciation', 'Depreciation', '5203'), leaf('Entertainment Expenses', undefined, '5204'),
      leaf('Freight and Forwarding Charges', 'Chargeable', '5205'), leaf('Legal Expenses', undefined, '5206'),
      leaf('Marketing Expenses', 'Chargeable', '5207'), leaf('Office Maintenance Expenses', undefined, '5208'),
      leaf('Office Rent', undefined, '5209'), leaf('Postal Expenses', undefined, '5210'),
      leaf('Print and Stationery', undefined, '5211'), leaf('Round Off', 'Round Off', '5212'),
      leaf('Salary', undefined, '5213'), leaf('Sales Expenses', undefined, '5214'),
      leaf('Telephone Expenses', undefined, '5215'), leaf('Travel Expenses', undefined, '5216'),
      leaf('Utility Expenses', undefined, '5217'), leaf('Write Off', undefined, '5218'),
      leaf('Exchange Gain/Loss', undefined, '5219'), leaf('Gain/Loss on Asset Disposal', undefined, '5222'),
      leaf('Miscellaneous Expenses', 'Chargeable', '5223'), leaf('Impairment', undefined, '5224'),
    ]),
  ]) },
  { rootType: 'Income', ...group('Income', '4000', [
    group('Direct Income', '4100', [leaf('Sales', undefined, '4110'), leaf('Service', undefined, '4120')]),
    group('Indirect Income', '4200', []),
  ]) },
  { rootType: 'Liability', ...group('Source of Funds (Liabilities)', '2000', [
    group('Current Liabilities', '2100-2400', [
      group('Accounts Payable', '2100', [leaf('Creditors', 'Payable', '2110'), leaf('Payroll Payable', undefined, '2120')]),
      group('Stock Liabilities', '2200', [
        leaf('Stock Received But Not Billed', 'Stock Received But Not Billed', '2210'),
        leaf('Asset Received But Not Billed', 'Asset Received But Not Billed', '2211'),
      ]),
      group('Duties and Taxes', '2300', [], 'Tax'),
      group('Loans (Liabilities)', '2400', [
        leaf('Secured Loans', undefined, '2410'), leaf('Unsecured Loans', undefined, '2420'),
        leaf('Bank Overdraft Account', undefined, '2430'),
      ]),
    ]),
  ]) },
  { rootType: 'Equity', ...group('Equity', '3000', [
    leaf('Capital Stock', 'Equity', '3100'), leaf('Dividends Paid', 'Equity', '3200'),
    leaf('Opening Balance Equity', 'Equity', '3300'), leaf('Retained Earnings', 'Equity', '3400'),
    leaf('Revaluation Surplus', 'Equity', '3500'),
  ]) },
];

/** Charts get_charts_for_country offers with with_standard=1 (country charts are not shipped here). */
export const STANDARD_CHART_NAMES = ['Standard', 'Standard with Numbers'];
