import { COUNTRIES, CURRENCIES } from '../../../shared/reference/countries';
import { ABBREVIATION_RULE, suggestAbbreviation } from '../../../shared/shop';
import { Field } from '../ui/Field';
import type { SectionProps } from './sectionProps';
import { draftAbbreviation, withCountry } from './shopDraft';
import { useChartTemplates } from './useChartTemplates';

const COUNTRY_NAMES = COUNTRIES.map((country) => country.name).sort((a, b) => a.localeCompare(b));
const CURRENCY_CODES = [...new Set(CURRENCIES)].sort();

/** Company name, abbreviation (suggested from the name), country → currency, chart of accounts. */
export function CompanyFields({ siteId, companyExists, draft, change, errorsOf, warningsOf }: SectionProps & { siteId: string; companyExists: boolean }) {
  const charts = useChartTemplates(siteId, draft.country);
  const chartOptions = charts.charts.includes(draft.chartOfAccounts) ? charts.charts : [draft.chartOfAccounts, ...charts.charts];
  const suggestion = suggestAbbreviation(draft.companyName);
  return (
    <fieldset className="form-section" aria-describedby={companyExists ? 'shop-company-fixed' : undefined}>
      <legend>Company</legend>
      {companyExists && (
        <p className="field-help" id="shop-company-fixed" data-testid="company-fixed">
          The company already exists in ERPNext: its name, abbreviation, country, currency and chart of accounts stay as they are. Create a new shop for another company.
        </p>
      )}
      <Field id="shop-company-name" label="Company name" help="As it will appear in ERPNext and on receipts." errors={errorsOf('shop-company-name')} warnings={warningsOf('shop-company-name')}>
        {(aria) => <input {...aria} type="text" value={draft.companyName} onChange={(e) => change((d) => ({ ...d, companyName: e.target.value }))} />}
      </Field>
      <Field
        id="shop-company-abbr"
        label="Abbreviation"
        help={`${draft.abbrEdited && suggestion ? `Your own. Suggested from the name: ${suggestion}.` : 'Suggested from the company name; ERPNext adds it to account and warehouse names. You can change it.'} ${ABBREVIATION_RULE}.`}
        errors={errorsOf('shop-company-abbr')}
        warnings={warningsOf('shop-company-abbr')}
      >
        {(aria) => (
          <div className="inline-input">
            <input {...aria} type="text" className="input-short" value={draftAbbreviation(draft)} onChange={(e) => change((d) => ({ ...d, abbr: e.target.value, abbrEdited: true }))} />
            {draft.abbrEdited && suggestion && suggestion !== draft.abbr && (
              <button type="button" className="button-quiet" onClick={() => change((d) => ({ ...d, abbr: '', abbrEdited: false }))}>
                Use {suggestion}
              </button>
            )}
          </div>
        )}
      </Field>
      <Field id="shop-company-country" label="Country" help="Choosing a country fills in its usual currency." errors={errorsOf('shop-company-country')}>
        {(aria) => (
          <select {...aria} value={draft.country} onChange={(e) => change((d) => withCountry(d, e.target.value))}>
            <option value="">Choose a country</option>
            {!COUNTRY_NAMES.includes(draft.country) && draft.country && <option value={draft.country}>{draft.country}</option>}
            {COUNTRY_NAMES.map((name) => (
              <option key={name}>{name}</option>
            ))}
          </select>
        )}
      </Field>
      <Field id="shop-company-currency" label="Currency" errors={errorsOf('shop-company-currency')} warnings={warningsOf('shop-company-currency')}>
        {(aria) => (
          <select {...aria} className="input-short" value={draft.currency} onChange={(e) => change((d) => ({ ...d, currency: e.target.value }))}>
            <option value="">Choose</option>
            {!CURRENCY_CODES.includes(draft.currency) && draft.currency && <option value={draft.currency}>{draft.currency}</option>}
            {CURRENCY_CODES.map((code) => (
              <option key={code}>{code}</option>
            ))}
          </select>
        )}
      </Field>
      <Field
        id="shop-company-chart"
        label="Chart of accounts"
        help={charts.fellBack ? 'The site could not list its templates; "Standard" is always available.' : charts.loading ? 'Asking the site for its templates…' : 'Templates the site offers for this country.'}
        errors={errorsOf('shop-company-chart')}
      >
        {(aria) => (
          <select {...aria} value={draft.chartOfAccounts} onChange={(e) => change((d) => ({ ...d, chartOfAccounts: e.target.value }))} data-testid="chart-select">
            {chartOptions.map((chart) => (
              <option key={chart}>{chart}</option>
            ))}
          </select>
        )}
      </Field>
    </fieldset>
  );
}
