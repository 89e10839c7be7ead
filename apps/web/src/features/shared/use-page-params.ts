import { useSearchParams } from 'react-router';

/**
 * A filter kept in the URL, so that a link reopens the same view; changing a filter goes back
 * to the first page.
 */
export function useUrlState() {
  const [params, setParams] = useSearchParams();
  const get = (name: string) => params.get(name) ?? undefined;
  const set = (changes: Record<string, string | number | undefined | null>) =>
    setParams((previous) => {
      const next = new URLSearchParams(previous);
      for (const [name, value] of Object.entries(changes)) {
        if (value === undefined || value === null || value === '') next.delete(name);
        else next.set(name, String(value));
      }
      if (!('page' in changes)) next.delete('page');
      return next;
    });
  return { get, set };
}
