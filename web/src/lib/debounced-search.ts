// A search box whose text is written to the page's filters after a short
// pause in typing, and follows the filters when they change from elsewhere
// (back button, "clear filters").
import { useEffect, useRef, useState } from 'react';

export function useDebouncedSearch(value: string | undefined, onChange: (q: string | undefined) => void, delayMs = 400) {
  const [text, setText] = useState(value ?? '');
  const pushed = useRef(value ?? '');
  useEffect(() => {
    if ((value ?? '') !== pushed.current) {
      pushed.current = value ?? '';
      setText(value ?? '');
    }
  }, [value]);
  /** Writes the text at once (Enter, the search button). */
  const push = (next: string) => {
    pushed.current = next.trim();
    onChange(next.trim() || undefined);
  };
  useEffect(() => {
    if (text.trim() === pushed.current) return;
    const timer = setTimeout(() => push(text), delayMs);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only typing restarts the pause
  }, [text]);
  return { text, setText, push };
}
