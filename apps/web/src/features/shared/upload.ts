import { apiUrl, type Query } from '../../api/client';
import { ApiError } from '../../api/api-error';
import { refreshSession, session } from '../../api/session';

/** What an import answers (libs/core ImportOutcome). */
export interface ImportOutcome {
  mode: 'all' | 'partial';
  created: number;
  updated: number;
  rejected: { row: number; column: string | null; message: string }[];
}

function jsonOf(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return {};
  }
}

function send(url: string, file: File, onProgress: (percent: number) => void) {
  return new Promise<{ status: number; body: unknown }>((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', url);
    if (session.accessToken)
      request.setRequestHeader('authorization', `Bearer ${session.accessToken}`);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((100 * event.loaded) / event.total));
    };
    request.onload = () => {
      resolve({ status: request.status, body: jsonOf(request.responseText) });
    };
    request.onerror = () => reject(new ApiError(0, 'NETWORK', 'network error'));
    const form = new FormData();
    form.append('file', file);
    request.send(form);
  });
}

/**
 * Uploads a file as multipart field `file` with the session's token, reporting the upload's
 * progress (fetch cannot); a 401 refreshes the session once and tries again.
 */
export async function uploadFile<T = ImportOutcome>(
  path: string,
  query: Query,
  file: File,
  onProgress: (percent: number) => void,
): Promise<T> {
  const url = apiUrl(path, query);
  let answer = await send(url, file, onProgress);
  if (answer.status === 401 && (await refreshSession())) answer = await send(url, file, onProgress);
  if (answer.status >= 200 && answer.status < 300) return answer.body as T;
  const body = answer.body as { code?: unknown; message?: unknown; details?: unknown };
  throw new ApiError(
    answer.status,
    typeof body.code === 'string' ? body.code : 'INTERNAL_ERROR',
    typeof body.message === 'string' ? body.message : '',
    body.details,
  );
}
