import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** One chunk of Vite's build manifest (apps/web/dist/.vite/manifest.json). */
export interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}
export type Manifest = Record<string, ManifestChunk>;

/**
 * The JavaScript files a route needs before it shows: the app's entry and the lazy modules the
 * route renders (the shell, its page), each with everything they import statically. Dynamic
 * imports are followed only when named: a page's other lazy parts load when used, not to show it.
 * With `withLazyParts`, the named modules' own dynamic imports are followed too: everything the
 * page may load (its grid or charts, which load beside its data, and its dialogs, on use).
 */
export function filesOfRoute(
  manifest: Manifest,
  lazyModules: readonly string[],
  { withLazyParts = false } = {},
): string[] {
  const entry = Object.keys(manifest).find((key) => manifest[key].isEntry);
  if (!entry) throw new Error('the manifest names no entry');
  const seen = new Set<string>();
  const visit = (key: string, followDynamic: boolean) => {
    if (seen.has(key)) return;
    const chunk = manifest[key];
    if (!chunk) throw new Error(`the manifest has no chunk ${key}`);
    seen.add(key);
    for (const imported of chunk.imports ?? []) visit(imported, followDynamic);
    if (followDynamic) for (const imported of chunk.dynamicImports ?? []) visit(imported, true);
  };
  visit(entry, false);
  for (const module of lazyModules) visit(module, withLazyParts);
  return [...seen].map((key) => manifest[key].file).filter((file) => file.endsWith('.js'));
}

/** The lazy module (manifest key) of each page path, read from the table of pages. */
export function pageModules(pagesSource: string): Map<string, string> {
  const modules = new Map<string, string>();
  const entry = /path:\s*'([^']+)'[\s\S]*?import\('\.\.\/([^']+)'\)/g;
  for (const match of pagesSource.matchAll(entry)) {
    modules.set(match[1], `src/${match[2]}.tsx`);
  }
  return modules;
}

export interface RouteSize {
  files: number;
  gzipBytes: number;
}

/** Sum of the gzip sizes (level 9, as a server would send them) of a route's files. */
export function gzipSizeOf(distDir: string, files: readonly string[]): RouteSize {
  const gzipBytes = files.reduce(
    (sum, file) => sum + gzipSync(readFileSync(join(distDir, file)), { level: 9 }).length,
    0,
  );
  return { files: files.length, gzipBytes };
}
