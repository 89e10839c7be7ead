import { readFileSync } from 'node:fs';

export const PDF_FONT = 'DejaVuSans';
export const PDF_FONT_BOLD = 'DejaVuSans-Bold';

let cache: Record<string, Buffer> | undefined;

/**
 * DejaVu Sans covers every Vietnamese letter. The files are read from the
 * dejavu-fonts-ttf package (resolved at run time, so the same code works from
 * src under Jest and from dist) once per process, then embedded, subset, in
 * every PDF: it renders the same on a machine with no Vietnamese font.
 */
export function pdfFonts(): Record<string, Buffer> {
  cache ??= {
    [PDF_FONT]: readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')),
    [PDF_FONT_BOLD]: readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')),
  };
  return cache;
}
