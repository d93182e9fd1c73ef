import { useAnnouncer } from '../../state/announcer';

/**
 * The polite live region: run and step changes are read out without moving focus. A zero-width
 * space on every other message makes a repeated sentence count as a change.
 */
export function LiveAnnouncer() {
  const { message, count } = useAnnouncer();
  return (
    <div className="visually-hidden" aria-live="polite" aria-atomic="true" data-testid="announcer">
      {message}
      {count % 2 === 1 ? '\u200b' : ''}
    </div>
  );
}
