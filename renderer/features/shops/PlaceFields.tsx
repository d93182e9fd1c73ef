import { Field } from '../ui/Field';
import type { SectionProps } from './sectionProps';
import type { ShopDraft } from './shopDraft';

type TextKey = 'mainWarehouse' | 'posWarehouse' | 'customer' | 'profileName';

/** Warehouses, the walk-in customer and the POS Profile's name: sensible defaults, rarely changed. */
export function PlaceFields({ draft, change, errorsOf }: SectionProps) {
  const bind = (key: TextKey) => ({ type: 'text', value: draft[key], onChange: (e: { target: { value: string } }) => change((d): ShopDraft => ({ ...d, [key]: e.target.value })) });
  const profileDefault = `${draft.companyName.trim() || 'Company'} POS`;
  return (
    <fieldset className="form-section">
      <legend>Warehouses, customer and till</legend>
      <div className="field-pair">
        <Field id="shop-warehouse-main" label="Main warehouse" help="Where the shop keeps its stock." errors={errorsOf('shop-warehouse-main')}>
          {(aria) => <input {...aria} {...bind('mainWarehouse')} />}
        </Field>
        <Field id="shop-warehouse-pos" label="POS warehouse" help="Where the till sells from." errors={errorsOf('shop-warehouse-pos')}>
          {(aria) => <input {...aria} {...bind('posWarehouse')} />}
        </Field>
      </div>
      <Field id="shop-customer" label="Walk-in customer" help="The customer on sales to people who give no name." errors={errorsOf('shop-customer')}>
        {(aria) => <input {...aria} {...bind('customer')} />}
      </Field>
      <Field id="shop-profile-name" label="POS Profile name (optional)" help={`Empty: "${profileDefault}".`} errors={errorsOf('shop-profile-name')}>
        {(aria) => <input {...aria} {...bind('profileName')} placeholder={profileDefault} />}
      </Field>
    </fieldset>
  );
}
