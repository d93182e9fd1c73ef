import { type ReactNode, useEffect, useRef } from 'react';

/**
 * The screen's one h1. It takes focus when the screen opens, so keyboard and screen-reader users
 * start at the top of the new screen instead of on a link that no longer exists; and it names the
 * window (the title is what a screen reader says first, and what the taskbar shows).
 */
export function ScreenHeading({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus({ preventScroll: false });
  }, []);
  useEffect(() => {
    const text = ref.current?.textContent?.trim();
    document.title = text ? `${text} — POS Provisioner` : 'POS Provisioner';
  });
  return (
    <h1 ref={ref} tabIndex={-1} data-testid="screen-heading">
      {children}
    </h1>
  );
}
