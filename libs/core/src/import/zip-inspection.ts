import { fromBufferPromise, type Entry, type ZipFile } from 'yauzl';
import { XLSX_LIMITS } from './upload-limits';
import { UploadRefused } from './upload-refused';

/** The entries the central directory lists, without unpacking any. */
async function listedEntries(zip: ZipFile): Promise<Entry[]> {
  if (zip.entryCount > XLSX_LIMITS.maxEntries)
    throw new UploadRefused(
      `holds ${zip.entryCount} files; an XLSX has at most ${XLSX_LIMITS.maxEntries}`,
    );
  const entries: Entry[] = [];
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: Entry) => {
      entries.push(entry);
      zip.readEntry();
    });
    zip.once('end', resolve);
    zip.once('error', reject);
    zip.readEntry();
  });
  return entries;
}

/** Refuses what the central directory declares beyond the caps: sizes, their sum, and ratios. */
function checkDeclared(entries: Entry[]): void {
  let total = 0;
  for (const entry of entries) {
    total += entry.uncompressedSize;
    if (total > XLSX_LIMITS.maxUnpackedBytes)
      throw new UploadRefused(
        `unpacks to more than ${XLSX_LIMITS.maxUnpackedBytes / 1024 / 1024} MB; refused unread`,
      );
    const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
    if (entry.uncompressedSize >= XLSX_LIMITS.ratioCheckedFromBytes && ratio > XLSX_LIMITS.maxRatio)
      throw new UploadRefused(
        `${entry.fileName} is compressed ${Math.round(ratio)} times (at most ${XLSX_LIMITS.maxRatio}); refused unread`,
      );
  }
}

/** Unpacks each entry into a counter only: yauzl stops as soon as one outgrows its declared size. */
async function checkActualSizes(zip: ZipFile, entries: Entry[]): Promise<void> {
  for (const entry of entries) {
    if (entry.fileName.endsWith('/')) continue;
    const stream = await zip.openReadStreamPromise(entry);
    for await (const chunk of stream) void chunk;
  }
}

/**
 * Opens an XLSX's zip and inspects it before anything reads it: the central directory's declared
 * sizes, their total and the compression ratios must stay within XLSX_LIMITS, and every entry
 * must unpack to no more than it declares. Any breach is UploadRefused, a 400. The caller reads
 * the entries it needs from the zip, then closes it.
 */
export async function openXlsxZip(buffer: Buffer): Promise<{ zip: ZipFile; entries: Entry[] }> {
  let zip: ZipFile;
  try {
    zip = await fromBufferPromise(buffer, { lazyEntries: true, validateEntrySizes: true });
  } catch {
    throw new UploadRefused('is not a readable XLSX file');
  }
  try {
    const entries = await listedEntries(zip);
    checkDeclared(entries);
    await checkActualSizes(zip, entries);
    return { zip, entries };
  } catch (error) {
    zip.close();
    if (error instanceof UploadRefused) throw error;
    throw new UploadRefused(`is not a readable XLSX file: ${(error as Error).message}`);
  }
}

/** openXlsxZip's inspection alone. */
export async function inspectXlsxZip(buffer: Buffer): Promise<void> {
  (await openXlsxZip(buffer)).zip.close();
}
