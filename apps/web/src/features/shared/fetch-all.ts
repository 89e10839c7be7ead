import { api, type Query } from '../../api/client';
import type { Page } from '../../api/types';

const PAGE_LIMIT = 500;

/** Every item of a paged list, page by page (the API's pages hold at most 500). */
export async function fetchAll<T>(path: string, query: Query = {}): Promise<T[]> {
  const items: T[] = [];
  for (;;) {
    const page = await api<Page<T>>(path, {
      query: { ...query, limit: PAGE_LIMIT, offset: items.length },
    });
    items.push(...page.items);
    if (page.items.length === 0 || items.length >= page.total) return items;
  }
}
