import { useEffect, useRef, useState } from 'react';
import { FieldProblems } from '../ui/Field';
import type { SectionProps } from './sectionProps';
import { GROUP_CASHIERS, cashierFieldId } from './shopIssues';
import { newKey } from './shopDraft';

/** ERPNext users who may use the till; none = the API user. */
export function CashiersFields({ draft, change, errorsOf, warningsOf }: SectionProps) {
  const [added, setAdded] = useState<string | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (added) document.getElementById(cashierFieldId(added))?.focus();
  }, [added]);
  const add = () => {
    const key = newKey();
    change((d) => ({ ...d, cashiers: [...d.cashiers, { key, user: '' }] }));
    setAdded(key);
  };
  const remove = (key: string) => {
    change((d) => ({ ...d, cashiers: d.cashiers.filter((c) => c.key !== key) }));
    addButton.current?.focus();
  };
  return (
    <fieldset className="form-section" id={GROUP_CASHIERS} tabIndex={-1} aria-describedby={`${GROUP_CASHIERS}-help`}>
      <legend>Cashiers</legend>
      <p className="field-help" id={`${GROUP_CASHIERS}-help`}>
        ERPNext user ids (usually emails) that may use this till. Leave the list empty to use the API user.
      </p>
      {draft.cashiers.length > 0 && (
        <ul className="edit-list">
          {draft.cashiers.map((cashier, index) => {
            const id = cashierFieldId(cashier.key);
            const errors = errorsOf(id);
            return (
              <li key={cashier.key}>
                <input
                  id={id}
                  type="email"
                  aria-label={`Cashier ${index + 1}`}
                  value={cashier.user}
                  onChange={(e) => change((d) => ({ ...d, cashiers: d.cashiers.map((c) => (c.key === cashier.key ? { ...c, user: e.target.value } : c)) }))}
                  aria-invalid={errors.length > 0 || undefined}
                  aria-describedby={errors.length > 0 ? `${id}-errors` : undefined}
                />
                <button type="button" className="button-quiet" onClick={() => remove(cashier.key)} aria-label={`Remove cashier ${index + 1}${cashier.user ? ` (${cashier.user})` : ''}`}>
                  Remove
                </button>
                <FieldProblems id={id} errors={errors} />
              </li>
            );
          })}
        </ul>
      )}
      <FieldProblems id={GROUP_CASHIERS} errors={errorsOf(GROUP_CASHIERS)} warnings={warningsOf(GROUP_CASHIERS)} />
      <button type="button" ref={addButton} onClick={add} data-testid="add-cashier">
        Add cashier
      </button>
    </fieldset>
  );
}
