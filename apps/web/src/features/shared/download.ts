import { apiUrl, authorizedFetch, type Query } from '../../api/client';
import { errorOf } from '../../api/session';

/** Downloads an API file with the session's token under the name the API gives it. */
export async function downloadFile(path: string, query: Query, fallbackName: string) {
  const response = await authorizedFetch(apiUrl(path, query));
  if (!response.ok) throw await errorOf(response);
  const disposition = response.headers.get('content-disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  const plain = /filename="?([^";]+)"?/i.exec(disposition)?.[1];
  const name = encoded ? decodeURIComponent(encoded) : (plain ?? fallbackName);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
