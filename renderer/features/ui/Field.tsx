import type { ReactNode } from 'react';

interface FieldProps {
  id: string;
  label: string;
  /** Shown under the label; also read out with the input. */
  help?: ReactNode;
  errors?: readonly string[];
  warnings?: readonly string[];
  children: (aria: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: boolean }) => ReactNode;
}

/**
 * A labelled input with its help, errors and warnings tied to it (aria-describedby), so a screen
 * reader says the problem when the field gets focus.
 */
export function Field({ id, label, help, errors = [], warnings = [], children }: FieldProps) {
  const described = [help && `${id}-help`, errors.length > 0 && `${id}-errors`, warnings.length > 0 && `${id}-warnings`].filter(Boolean).join(' ');
  return (
    <div className={`field${errors.length > 0 ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {help && (
        <p className="field-help" id={`${id}-help`}>
          {help}
        </p>
      )}
      {children({ id, 'aria-describedby': described || undefined, 'aria-invalid': errors.length > 0 || undefined })}
      <FieldProblems id={id} errors={errors} warnings={warnings} />
    </div>
  );
}

/** The error and warning lines of a field (also used by groups such as the payment methods). */
export function FieldProblems({ id, errors = [], warnings = [] }: { id: string; errors?: readonly string[]; warnings?: readonly string[] }) {
  return (
    <>
      {errors.length > 0 && (
        <ul className="field-errors" id={`${id}-errors`} data-testid={`errors-${id}`}>
          {errors.map((error) => (
            <li key={error}>
              <span className="visually-hidden">Error: </span>
              {error}
            </li>
          ))}
        </ul>
      )}
      {warnings.length > 0 && (
        <ul className="field-warnings" id={`${id}-warnings`} data-testid={`warnings-${id}`}>
          {warnings.map((warning) => (
            <li key={warning}>
              <span className="visually-hidden">Warning: </span>
              {warning}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
