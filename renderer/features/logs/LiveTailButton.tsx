/** Live tail on/off: live follows new entries; scrolling up pauses it. */
export function LiveTailButton({ live, onChange }: { live: boolean; onChange(live: boolean): void }) {
  return (
    <button type="button" className={`live-tail ${live ? 'tone-success' : 'tone-warning'}`} aria-pressed={live} onClick={() => onChange(!live)} data-testid="live-tail" data-state={live ? 'live' : 'paused'}>
      <span className="live-dot" aria-hidden="true" />
      {live ? 'Live: following new entries' : 'Paused — jump to latest'}
    </button>
  );
}
