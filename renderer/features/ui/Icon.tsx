export type IconName = 'pending' | 'running' | 'check' | 'cross' | 'skip' | 'pause' | 'warning' | 'retry' | 'offline' | 'info';

const PATHS: Record<IconName, string> = {
  pending: 'M8 3a5 5 0 1 0 0 10A5 5 0 1 0 8 3z',
  running: 'M8 2.5a5.5 5.5 0 1 1-5.5 5.5',
  check: 'M3 8.5l3.2 3.2L13 4.8',
  cross: 'M4 4l8 8M12 4l-8 8',
  skip: 'M3 4l5 4-5 4M9 4l5 4-5 4',
  pause: 'M5.5 3.5v9M10.5 3.5v9',
  warning: 'M8 2.2l6.2 11H1.8zM8 6.5v3.2M8 11.4v.4',
  retry: 'M13 8a5 5 0 1 1-1.6-3.7M13.2 2.6v2.8h-2.8',
  offline: 'M1.8 6.2a9 9 0 0 1 12.4 0M4.3 8.8a5.5 5.5 0 0 1 7.4 0M6.8 11.3a2 2 0 0 1 2.4 0M2.5 2.5l11 11',
  info: 'M8 2.5a5.5 5.5 0 1 0 0 11 5.5 5.5 0 1 0 0-11zM8 7.2v3.8M8 5v.4',
};

/** A small line icon. Always decorative: the text next to it carries the meaning. */
export function Icon({ name }: { name: IconName }) {
  return (
    <svg className={`icon icon-${name}`} viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      <path d={PATHS[name]} fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
