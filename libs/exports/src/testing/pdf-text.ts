import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * pdf-parse 2 runs pdf.js, whose worker is loaded with a dynamic import that
 * Jest's CommonJS runtime refuses; a child `node` process has no such limit.
 * Returns the text of each page of the PDF file.
 */
export async function pdfPageTexts(file: string): Promise<string[]> {
  const script = `
    const { PDFParse } = require('pdf-parse');
    const data = require('node:fs').readFileSync(process.argv[1]);
    new PDFParse({ data }).getText()
      .then((result) => process.stdout.write(JSON.stringify(result.pages.map((p) => p.text))))
      .catch((error) => { console.error(error); process.exit(1); });
  `;
  const { stdout } = await run(process.execPath, ['-e', script, file], {
    cwd: process.cwd(),
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(stdout) as string[];
}
