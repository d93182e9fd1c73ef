import { FieldProblems } from '../ui/Field';
import { methodFieldId } from './shopIssues';
import { CREATE_MODE_CHOICE } from '../../../shared/shop';
import type { PaymentMethodDraft } from './shopDraft';

interface PaymentMethodRowProps {
  method: PaymentMethodDraft;
  position: number;
  isDefault: boolean;
  onChange(patch: Partial<PaymentMethodDraft>): void;
  onMakeDefault(): void;
  onRemove(): void;
  errorsOf(fieldId: string): string[];
  warningsOf(fieldId: string): string[];
}

/** The section's explanation of the create checkbox (each row's checkbox points at it). */
export const CREATE_MODE_HELP_ID = 'shop-payment-create-help';

/** One payment method: the default radio, its name (and whether to create it), its opening balance, and Remove. */
export function PaymentMethodRow({ method, position, isDefault, onChange, onMakeDefault, onRemove, errorsOf, warningsOf }: PaymentMethodRowProps) {
  const modeId = methodFieldId(method.key, 'mode');
  const balanceId = methodFieldId(method.key, 'balance');
  const createId = methodFieldId(method.key, 'create');
  const modeErrors = errorsOf(modeId);
  const modeWarnings = warningsOf(modeId);
  const balanceErrors = errorsOf(balanceId);
  const name = method.mode.trim() || `payment method ${position}`;
  return (
    <tr data-testid="payment-method-row">
      <td>
        <input type="radio" name="default-payment-method" checked={isDefault} onChange={onMakeDefault} aria-label={`${name} is the default`} />
      </td>
      <td>
        <input
          id={modeId}
          type="text"
          list="payment-mode-suggestions"
          aria-label={`Payment method ${position}`}
          value={method.mode}
          onChange={(e) => onChange({ mode: e.target.value })}
          aria-invalid={modeErrors.length > 0 || undefined}
          aria-describedby={[modeErrors.length > 0 && `${modeId}-errors`, modeWarnings.length > 0 && `${modeId}-warnings`].filter(Boolean).join(' ') || undefined}
        />
        <FieldProblems id={modeId} errors={modeErrors} warnings={modeWarnings} />
        <div className="checkbox-field checkbox-small">
          <input id={createId} type="checkbox" checked={method.create} onChange={(e) => onChange({ create: e.target.checked })} aria-describedby={CREATE_MODE_HELP_ID} data-testid="payment-method-create" />
          <label htmlFor={createId}>
            {CREATE_MODE_CHOICE}
            <span className="visually-hidden"> ({name})</span>
          </label>
        </div>
      </td>
      <td>
        <input
          id={balanceId}
          type="text"
          inputMode="decimal"
          className="input-short"
          aria-label={`Opening balance for ${name}`}
          placeholder="0"
          value={method.openingBalance}
          onChange={(e) => onChange({ openingBalance: e.target.value })}
          aria-invalid={balanceErrors.length > 0 || undefined}
          aria-describedby={balanceErrors.length > 0 ? `${balanceId}-errors` : undefined}
        />
        <FieldProblems id={balanceId} errors={balanceErrors} />
      </td>
      <td>
        <button type="button" className="button-quiet" onClick={onRemove} aria-label={`Remove ${name}`}>
          Remove
        </button>
      </td>
    </tr>
  );
}
