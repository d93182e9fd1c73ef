import { useEffect, useState } from 'react';

/**
 * Text typed locally and handed on after a pause (each change of a filter is a query in main).
 * The local text follows `value` when it changes from outside (a click on a correlation id).
 */
export function useDebouncedText(value: string, commit: (text: string) => void, delayMs = 300): [string, (text: string) => void] {
  const [text, setText] = useState(value);
  const [typed, setTyped] = useState(false);
  useEffect(() => {
    setText(value);
    setTyped(false);
  }, [value]);
  useEffect(() => {
    if (!typed || text === value) return;
    const timer = setTimeout(() => commit(text), delayMs);
    return () => clearTimeout(timer);
  }, [typed, text, value, commit, delayMs]);
  return [
    text,
    (next) => {
      setText(next);
      setTyped(true);
    },
  ];
}
