import { type FormEvent, useEffect, useState } from 'react';
import type { SiteSummary } from '../../../shared/ipc/contract';
import type { ApiError } from '../../../shared/ipc/result';
import { useSites } from '../../state/sites';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { ErrorNotice } from '../ui/ErrorNotice';
import { Field } from '../ui/Field';
import { PlainHttpField, isPlainHttp } from './PlainHttpField';
import { type SiteField, type SiteFields, fieldOfError, fieldsOf, siteInput, siteProblems } from './siteFormFields';
import { useSiteUrlCheck } from './useSiteUrlCheck';

const FIELD_IDS: Record<SiteField, string> = { url: 'site-url', apiKey: 'site-api-key', apiSecret: 'site-api-secret', tlsCaFile: 'site-ca-file', tlsPin: 'site-tls-pin' };

interface SiteFormProps {
  site?: SiteSummary;
  cancelHref: string;
  onSaved(site: SiteSummary): void;
}

/** Address, API key and secret, and the optional certificate settings. The secret is never shown back. */
export function SiteForm({ site, cancelHref, onSaved }: SiteFormProps) {
  const save = useSites((state) => state.save);
  const [fields, setFields] = useState<SiteFields>(() => fieldsOf(site));
  const [allowPlainHttp, setAllowPlainHttp] = useState(Boolean(site?.allowPlainHttp));
  const [tried, setTried] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [advancedOpen, setAdvancedOpen] = useState(Boolean(site?.tlsCaFile || site?.tlsPin));
  const [focusField, setFocusField] = useState<{ field: SiteField } | null>(null);
  const [replacing, setReplacing] = useState<{ displayUrl: string; apiKey: string } | null>(null);
  const urlCheck = useSiteUrlCheck(fields.url);
  // Another saved site at this address (not the one being edited): saving would replace its key and secret.
  const taken = urlCheck?.existing && urlCheck.existing.id !== site?.id ? urlCheck.existing : null;
  useEffect(() => {
    if (focusField) document.getElementById(FIELD_IDS[focusField.field])?.focus();
  }, [focusField]);

  const local = tried ? siteProblems(fields, Boolean(site)) : {};
  const errorField = error ? fieldOfError(error, fields) : null;
  const errorsOf = (name: SiteField) => [local[name], errorField === name ? error?.message : undefined].filter((text): text is string => Boolean(text));
  const bind = (name: SiteField) => ({
    name,
    value: fields[name],
    onChange: (event: { target: { value: string } }) => {
      setFields({ ...fields, [name]: event.target.value });
      if (errorField === name) setError(null);
    },
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    const problems = Object.keys(siteProblems(fields, Boolean(site))) as SiteField[];
    if (problems[0]) return setFocusField({ field: problems[0] });
    if (taken && !site) return setReplacing(taken);
    await send(false);
  };

  const send = async (replaceExisting: boolean) => {
    setSaving(true);
    const result = await save({ ...siteInput(fields, site?.id, allowPlainHttp && isPlainHttp(fields.url)), ...(replaceExisting ? { replaceExisting } : {}) });
    setSaving(false);
    if (result.ok) return onSaved(result.value);
    // Main knows of a saved site at this address that the preview had not shown yet: ask.
    if (result.error.code === 'site_exists') return setReplacing({ displayUrl: urlCheck?.displayUrl ?? fields.url, apiKey: '' });
    setError(result.error);
    // A refusal about one field (a bad address, a bad fingerprint): take the installer there.
    const field = fieldOfError(result.error, fields);
    if (field === 'tlsPin' || field === 'tlsCaFile') setAdvancedOpen(true);
    if (field) setFocusField({ field });
  };

  return (
    <form className="form" onSubmit={(event) => void submit(event)} noValidate aria-label={site ? 'Edit site' : 'Add site'} data-testid="site-form">
      {error && !errorField && <ErrorNotice problem={error} title="The site was not saved" />}
      <Field id={FIELD_IDS.url} label="ERPNext address" help="The address you open ERPNext with in a browser." errors={errorsOf('url')}>
        {(aria) => <input {...aria} {...bind('url')} type="text" inputMode="url" autoComplete="url" placeholder="https://shop.example.com" required />}
      </Field>
      {urlCheck && (
        <p className="field-help url-preview" data-testid="site-url-preview" role="status">
          Saved as <strong>{urlCheck.displayUrl}</strong>
          {taken ? `: this address is already saved (API key ${taken.apiKey}). Saving replaces that site's API key and secret.` : '.'}
        </p>
      )}
      <PlainHttpField
        url={fields.url}
        allowed={allowPlainHttp}
        onChange={(allowed) => {
          setAllowPlainHttp(allowed);
          if (errorField === 'url') setError(null);
        }}
      />
      <Field id={FIELD_IDS.apiKey} label="API key" help="In ERPNext: User › Settings › API Access › Generate Keys." errors={errorsOf('apiKey')}>
        {(aria) => <input {...aria} {...bind('apiKey')} type="text" autoComplete="off" spellCheck={false} required />}
      </Field>
      <Field
        id={FIELD_IDS.apiSecret}
        label="API secret"
        help={site ? (site.hasSecret ? 'Leave empty to keep the saved secret.' : 'No secret is saved for this session: type it again.') : 'Shown once in ERPNext when the key is generated.'}
        errors={errorsOf('apiSecret')}
      >
        {(aria) => <input {...aria} {...bind('apiSecret')} type="password" autoComplete="new-password" spellCheck={false} placeholder={site?.hasSecret ? '(saved — leave empty to keep)' : ''} />}
      </Field>
      <details className="advanced" open={advancedOpen} onToggle={(event) => setAdvancedOpen(event.currentTarget.open)}>
        <summary>Certificate settings (only for sites with their own certificate)</summary>
        <Field id={FIELD_IDS.tlsCaFile} label="CA certificate file (optional)" help="Full path of your organisation's CA file (PEM) on this laptop." errors={errorsOf('tlsCaFile')}>
          {(aria) => <input {...aria} {...bind('tlsCaFile')} type="text" spellCheck={false} placeholder="/etc/ssl/company-ca.pem" />}
        </Field>
        <Field id={FIELD_IDS.tlsPin} label="Trusted certificate fingerprint (optional)" help="SHA-256 of the server certificate: 64 hexadecimal characters, colons allowed." errors={errorsOf('tlsPin')}>
          {(aria) => <input {...aria} {...bind('tlsPin')} type="text" spellCheck={false} />}
        </Field>
      </details>
      <div className="button-row">
        <button type="submit" className="button-primary button-big" disabled={saving} data-testid="save-site">
          {saving ? 'Saving…' : site ? 'Save changes' : 'Save and test'}
        </button>
        <a className="button" href={cancelHref}>
          Cancel
        </a>
      </div>
      <ConfirmDialog
        open={replacing !== null}
        title={`Replace the saved site ${replacing?.displayUrl ?? ''}?`}
        confirmLabel="Replace key and secret"
        danger
        onConfirm={() => {
          setReplacing(null);
          void send(true);
        }}
        onCancel={() => setReplacing(null)}
      >
        <p>
          {replacing?.displayUrl} is already saved{replacing?.apiKey ? ` with the API key ${replacing.apiKey}` : ''}. Saving replaces its API key and secret with the ones
          typed here; its shops and their runs stay.
        </p>
        <p>To change nothing, cancel and open that site from the list.</p>
      </ConfirmDialog>
    </form>
  );
}
