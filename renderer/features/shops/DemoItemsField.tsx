import { defaultDemoItems } from '../../../shared/shop';
import { FieldProblems } from '../ui/Field';
import type { SectionProps } from './sectionProps';
import { draftAbbreviation } from './shopDraft';

/** The demo items toggle, and which items it would add. */
export function DemoItemsField({ draft, change, errorsOf, skippedInRun }: SectionProps & { skippedInRun: boolean }) {
  const items = draft.demoItemList ?? defaultDemoItems(draftAbbreviation(draft) || 'ABBR');
  const errors = errorsOf('shop-demo-items');
  return (
    <fieldset className="form-section">
      <legend>Demo items</legend>
      <div className="checkbox-field">
        <input
          id="shop-demo-items"
          type="checkbox"
          checked={draft.demoItems}
          onChange={(e) => change((d) => ({ ...d, demoItems: e.target.checked }))}
          aria-describedby="shop-demo-items-help"
          aria-invalid={errors.length > 0 || undefined}
        />
        <label htmlFor="shop-demo-items">Add demo items (sample products with prices and opening stock, for training)</label>
      </div>
      <p className="field-help" id="shop-demo-items-help">
        {skippedInRun && 'Skipped on the run screen, so they are off here. Tick to add them: Continue or the next run adds them. '}
        {draft.demoItemList ? `${items.length} items from the shop file: ` : 'The sample café list: '}
        {items.map((item) => `${item.name} (${item.code})`).join(', ')}.
      </p>
      <FieldProblems id="shop-demo-items" errors={errors} />
    </fieldset>
  );
}
