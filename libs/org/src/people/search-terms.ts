/** Folds Vietnamese to plain lowercase ASCII: "Nguyễn Thị Hoà" → "nguyen thi hoa". */
export function foldDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The distinct words a name is found by. */
export function searchTermsOf(fullName: string): string[] {
  return [...new Set(foldDiacritics(fullName).split(' ').filter(Boolean))].map((term) =>
    term.slice(0, 64),
  );
}
