/** The path of a request's URL, as it came, without its query string (Express's `req.path`). */
export function pathOf(url: string | undefined): string {
  const path = (url ?? '/').split('?', 1)[0];
  return path === '' ? '/' : path;
}
