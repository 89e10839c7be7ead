/** Width of a piece of text in points, in the font the text will be drawn with. */
export type Measure = (text: string) => number;

/**
 * Breaks text into lines no wider than `width`: at the newlines it holds, then
 * between words, and inside a word only when the word alone is too wide.
 * Runs of spaces collapse; an empty text gives no lines.
 */
export function wrapText(text: string, width: number, measure: Measure): string[] {
  const lines: string[] = [];
  const space = measure(' ');
  for (const paragraph of text.split(/\r\n|\r|\n/)) {
    let line = '';
    let lineWidth = 0;
    const push = (): void => {
      lines.push(line);
      line = '';
      lineWidth = 0;
    };
    for (const word of paragraph.split(/[ \t]+/).filter(Boolean)) {
      const wordWidth = measure(word);
      if (line && lineWidth + space + wordWidth <= width) {
        line += ' ' + word;
        lineWidth += space + wordWidth;
        continue;
      }
      if (line) push();
      if (wordWidth <= width) {
        line = word;
        lineWidth = wordWidth;
        continue;
      }
      for (const piece of splitWord(word, width, measure)) {
        if (line) push();
        line = piece;
        lineWidth = measure(piece);
      }
    }
    push(); // an empty paragraph stays as a blank line
  }
  // No trailing blank lines: they would only make the row taller.
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** A word wider than the line, cut into pieces that fit (at least one letter each). */
function splitWord(word: string, width: number, measure: Measure): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const letter of Array.from(word)) {
    if (piece && measure(piece + letter) > width) {
      pieces.push(piece);
      piece = letter;
    } else {
      piece += letter;
    }
  }
  if (piece) pieces.push(piece);
  return pieces;
}
