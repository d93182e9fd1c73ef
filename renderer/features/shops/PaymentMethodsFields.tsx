import { useEffect, useRef, useState } from 'react';
import { FieldProblems } from '../ui/Field';
import { CREATE_MODE_HELP_ID, PaymentMethodRow } from './PaymentMethodRow';
import type { SectionProps } from './sectionProps';
import { GROUP_PAYMENT_METHODS, methodFieldId } from './shopIssues';
import { type PaymentMethodDraft, newPaymentMethod } from './shopDraft';

/** Offered when the site cannot list its own (ERPNext's setup wizard creates these). */
const FALLBACK_MODES = ['Bank Draft', 'Cash', 'Check', 'Credit Card', 'Wire Transfer'];

/** The till's payment methods: add, remove, exactly one default (a radio), an opening balance each; the site's own modes offered. */
export function PaymentMethodsFields({ draft, change, errorsOf, warningsOf, siteModes }: SectionProps & { siteModes: string[] | null }) {
  const [added, setAdded] = useState<string | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (added) document.getElementById(methodFieldId(added, 'mode'))?.focus();
  }, [added]);
  const update = (key: string, patch: Partial<PaymentMethodDraft>) => change((d) => ({ ...d, paymentMethods: d.paymentMethods.map((m) => (m.key === key ? { ...m, ...patch } : m)) }));
  const add = () => {
    const method = newPaymentMethod();
    change((d) => ({ ...d, paymentMethods: [...d.paymentMethods, method], defaultMethod: d.paymentMethods.length === 0 ? method.key : d.defaultMethod }));
    setAdded(method.key);
  };
  const remove = (key: string) => {
    change((d) => {
      const paymentMethods = d.paymentMethods.filter((m) => m.key !== key);
      return { ...d, paymentMethods, defaultMethod: d.defaultMethod === key ? (paymentMethods[0]?.key ?? '') : d.defaultMethod };
    });
    addButton.current?.focus();
  };
  return (
    <fieldset className="form-section" id={GROUP_PAYMENT_METHODS} tabIndex={-1} aria-describedby={`${GROUP_PAYMENT_METHODS}-help`}>
      <legend>Payment methods</legend>
      <p className="field-help" id={`${GROUP_PAYMENT_METHODS}-help`}>
        What the till accepts: pick the site&apos;s Modes of Payment from the list. The default is preselected at the till. The opening balance is the money in
        the drawer when the first POS session opens.
      </p>
      <p className="field-help" id={CREATE_MODE_HELP_ID}>
        A method the site lacks stops the run before anything is written, so a typo never becomes a new Mode of Payment. Tick &ldquo;Create&hellip; if it is
        missing&rdquo; only for a new way to pay (a gift card, a mobile wallet): the run creates it in ERPNext and uses it; if the site has it, it is used as it is.
      </p>
      <datalist id="payment-mode-suggestions">
        {(siteModes ?? FALLBACK_MODES).map((mode) => (
          <option key={mode} value={mode} />
        ))}
      </datalist>
      {draft.paymentMethods.length > 0 && (
        <table className="edit-table" data-testid="payment-methods">
          <thead>
            <tr>
              <th scope="col">Default</th>
              <th scope="col">Payment method</th>
              <th scope="col">Opening balance{draft.currency ? ` (${draft.currency})` : ''}</th>
              <th scope="col">
                <span className="visually-hidden">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {draft.paymentMethods.map((method, index) => (
              <PaymentMethodRow
                key={method.key}
                method={method}
                position={index + 1}
                isDefault={draft.defaultMethod === method.key}
                onChange={(patch) => update(method.key, patch)}
                onMakeDefault={() => change((d) => ({ ...d, defaultMethod: method.key }))}
                onRemove={() => remove(method.key)}
                errorsOf={errorsOf}
                warningsOf={warningsOf}
              />
            ))}
          </tbody>
        </table>
      )}
      <FieldProblems id={GROUP_PAYMENT_METHODS} errors={errorsOf(GROUP_PAYMENT_METHODS)} warnings={warningsOf(GROUP_PAYMENT_METHODS)} />
      <button type="button" ref={addButton} onClick={add} data-testid="add-payment-method">
        Add payment method
      </button>
    </fieldset>
  );
}
