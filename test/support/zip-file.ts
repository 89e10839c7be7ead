import { crc32, deflateRawSync } from 'node:zlib';
import { fromBufferPromise } from 'yauzl';

export interface ZipEntry {
  name: string;
  data: Buffer;
  /** The uncompressed size the headers claim, when it should lie. */
  declaredSize?: number;
}

/** A zip of deflated entries (no data descriptors), as an XLSX writer would make it. */
export function zipOf(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name, data, declaredSize = data.length } of entries) {
    const packed = deflateRawSync(data, { level: 9 });
    const fileName = Buffer.from(name);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(8, 8);
    header.writeUInt32LE(crc32(data), 14);
    header.writeUInt32LE(packed.length, 18);
    header.writeUInt32LE(declaredSize, 22);
    header.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc32(data), 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(declaredSize, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(header, fileName, packed);
    centrals.push(central, fileName);
    offset += header.length + fileName.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** The entries of a zip, unpacked. */
export async function entriesOf(zip: Buffer): Promise<ZipEntry[]> {
  const file = await fromBufferPromise(zip, { lazyEntries: true });
  const entries: ZipEntry[] = [];
  await new Promise<void>((resolve, reject) => {
    file.on('entry', (entry) => {
      void file.openReadStreamPromise(entry).then(async (stream) => {
        const chunks: Buffer[] = [];
        for await (const chunk of stream) chunks.push(chunk as Buffer);
        entries.push({ name: entry.fileName, data: Buffer.concat(chunks) });
        file.readEntry();
      }, reject);
    });
    file.once('end', resolve);
    file.once('error', reject);
    file.readEntry();
  });
  return entries;
}

/** An XLSX made by exceljs whose first sheet is replaced by `rows` repeated `times` times. */
export async function xlsxWithSheet(
  header: string[],
  row: string,
  times: number,
  declaredSize?: number,
): Promise<Buffer> {
  const ExcelJS = (await import('exceljs')).default;
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Sheet1').addRow(header);
  const entries = await entriesOf(Buffer.from(await workbook.xlsx.writeBuffer()));
  const cells = header.map((text) => `<c t="inlineStr"><is><t>${text}</t></is></c>`).join('');
  const sheet = Buffer.from(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
      `<row r="1">${cells}</row>${row.repeat(times)}</sheetData></worksheet>`,
  );
  return zipOf(
    entries.map((entry) =>
      entry.name === 'xl/worksheets/sheet1.xml'
        ? { name: entry.name, data: sheet, declaredSize }
        : entry,
    ),
  );
}
