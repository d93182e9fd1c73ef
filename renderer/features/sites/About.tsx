import { useAppInfo } from '../../state/appInfo';

/** About this app: its version, where API secrets are kept, and whether it updates itself (and why not). */
export function About() {
  const info = useAppInfo((state) => state.info);
  if (!info) return null;
  return (
    <section className="card about" aria-labelledby="about-heading" data-testid="about">
      <h2 id="about-heading">About POS Provisioner</h2>
      <dl className="facts">
        <dt>Version</dt>
        <dd>{info.version}</dd>
        <dt>API secrets</dt>
        <dd data-testid="about-secrets">{info.secretsPersist ? `kept in ${info.secretStorage}` : 'kept for this session only, never saved'}</dd>
        <dt>Updates</dt>
        <dd data-testid="about-updates">{info.updates.detail}</dd>
      </dl>
    </section>
  );
}
