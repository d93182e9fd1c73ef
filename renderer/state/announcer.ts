import { create } from 'zustand';

/**
 * What the polite live region says next: step and run changes, saved files. One message at a time;
 * the counter lets the same sentence be announced twice.
 */
export const useAnnouncer = create<{ message: string; count: number }>(() => ({ message: '', count: 0 }));

export function announce(message: string): void {
  useAnnouncer.setState((state) => ({ message, count: state.count + 1 }));
}
