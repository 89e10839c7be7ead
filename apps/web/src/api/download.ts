/**
 * Downloads that start at once and stream to disk: the browser itself must fetch the file, but
 * it cannot send the in-memory bearer token. So we ask the API for a ticket bound to the one
 * address (valid 60 s, single use) and let the browser follow a link carrying it.
 */
import { api, apiUrl, type Query } from './client';
import type { DownloadTicketView } from './types';

export type ExportFormat = 'xlsx' | 'csv' | 'pdf';

export const FORMAT_LABELS: Record<ExportFormat, string> = { xlsx: 'XLSX', csv: 'CSV', pdf: 'PDF' };

/** Starts the download of an API address (path without `/api`, as for `api()`). */
export async function startDownload(path: string, query: Query = {}): Promise<void> {
  const url = apiUrl(path, query);
  const { ticket } = await api<DownloadTicketView>('/auth/download-ticket', {
    method: 'POST',
    body: { path: url },
  });
  const link = document.createElement('a');
  link.href = `${url}${url.includes('?') ? '&' : '?'}ticket=${encodeURIComponent(ticket)}`;
  link.download = '';
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
}
