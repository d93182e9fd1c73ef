/** Whether the address the installer typed is plain http:// (the API secret would travel unencrypted). */
export const isPlainHttp = (url: string) => /^http:\/\//i.test(url.trim());

/**
 * Shown for http:// addresses only. Main decides: this computer and private networks are allowed
 * with a warning; a remote host is refused unless plain HTTP is allowed here (lab setups).
 */
export function PlainHttpField({ url, allowed, onChange }: { url: string; allowed: boolean; onChange(allowed: boolean): void }) {
  if (!isPlainHttp(url)) return null;
  return (
    <div className="form-section" data-testid="plain-http">
      <p className="field-help" id="site-plain-http-help">
        <strong>Plain HTTP:</strong> the API secret travels unencrypted. It is accepted for this computer and private networks (with a warning);
        for any other address it is refused unless you allow it below. Use the https:// address when the site has one.
      </p>
      <div className="checkbox-field">
        <input id="site-allow-plain-http" type="checkbox" checked={allowed} onChange={(event) => onChange(event.target.checked)} aria-describedby="site-plain-http-help" />
        <label htmlFor="site-allow-plain-http">Allow plain HTTP to this site (a lab network you trust)</label>
      </div>
    </div>
  );
}
