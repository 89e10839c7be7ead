import type { ServerResponse } from 'node:http';

/**
 * Sets the headers of a file download. The name keeps its Vietnamese letters
 * in `filename*` (RFC 5987) and falls back to plain ASCII for old clients.
 */
export function sendAsAttachment(
  response: ServerResponse,
  fileName: string,
  contentType: string,
): void {
  const ascii = fileName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9._-]+/g, '_');
  response.setHeader('Content-Type', contentType);
  response.setHeader(
    'Content-Disposition',
    `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
  );
}
