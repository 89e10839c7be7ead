import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ExportTable } from './export-table';
import { pdfPageTexts } from './testing/pdf-text';
import { asAsync, nominationRows, nominationTable } from './testing/sample-table';
import { writeExport } from './write-export';

/** Writes `table` as a PDF file and reads it back: raw bytes and text per page. */
async function roundTrip(dir: string, name: string, table: ExportTable) {
  const file = join(dir, `${name}.pdf`);
  await writeExport('pdf', table, createWriteStream(file));
  return { raw: (await readFile(file)).toString('latin1'), pages: await pdfPageTexts(file) };
}

const squash = (text: string) => text.replace(/\s+/g, ' ');

describe('writeExport pdf', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'exports-pdf-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('opens with the national header and the title, and renders Vietnamese names', async () => {
    const { raw, pages } = await roundTrip(dir, 'short', nominationTable(nominationRows(6)));
    expect(pages).toHaveLength(1);
    const text = squash(pages[0]);
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(text).toContain('Danh sách đề nghị khen thưởng năm 2025');
    expect(text).toContain('Sở Tài chính — gương điển hình tiên tiến');
    for (const name of ['Nguyễn Thị Hoà', 'Đặng Văn Đức', 'Trần Quốc Bảo', 'Võ Thị Thuỷ']) {
      expect(text).toContain(name);
    }
    expect(text).toContain('95.50');
    expect(text).toContain('Trang 1');
    expect(text.indexOf('CỘNG HÒA')).toBeLessThan(text.indexOf('Danh sách đề nghị'));
    // The national header comes before the table.
    expect(text.indexOf('Danh sách đề nghị')).toBeLessThan(text.indexOf('Họ và tên'));
    // A4 landscape for the eight nomination columns, with the DejaVu font embedded.
    expect(raw).toMatch(/\/MediaBox \[0 0 841\.89\d* 595\.28\d*\]/);
    expect(raw).toContain('DejaVuSans');
    expect(raw).toContain('/FontFile2');
  });

  it('uses A4 portrait for a narrow table', async () => {
    const table: ExportTable = {
      title: 'Bảng xếp hạng',
      columns: [
        { header: 'Hạng', key: 'rank', width: 6 },
        { header: 'Họ và tên', key: 'name', width: 30 },
      ],
      rows: asAsync([{ rank: 1, name: 'Nguyễn Thị Hoà' }]),
      fileName: 'bxh',
    };
    const { raw, pages } = await roundTrip(dir, 'portrait', table);
    expect(raw).toMatch(/\/MediaBox \[0 0 595\.28\d* 841\.89\d*\]/);
    expect(squash(pages[0])).toContain('Nguyễn Thị Hoà');
  });

  it('breaks a long table across pages, repeating the header row and numbering each page', async () => {
    // 14 two-line rows fit under the national header, 18 on a following page.
    const { pages } = await roundTrip(dir, 'long', nominationTable(nominationRows(40)));
    expect(pages.length).toBe(3);
    pages.forEach((page, index) => {
      const text = squash(page);
      for (const header of ['STT', 'Họ và tên', 'Chức vụ', 'Đơn vị', 'Điểm', 'Xếp loại']) {
        expect(text).toContain(header);
      }
      expect(text).toContain('Thành tích');
      expect(text).toContain(`Trang ${index + 1}`);
    });
    // The national header is on the first page only.
    expect(pages[0]).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(pages[1]).not.toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    // Every row is there once, none lost at a page break.
    const all = pages.join('\n');
    expect(all.match(/không có phản ánh về thái độ phục vụ/g)).toHaveLength(14);
    expect(all.match(/Gương mẫu thực hiện quy tắc ứng xử/g)).toHaveLength(26);
    expect(squash(pages[2])).toContain('40 Lê Thị Ngọc Ánh');
  });

  it('splits a row taller than a page across pages without losing text', async () => {
    const words = Array.from({ length: 2500 }, (_, index) => `từ${index + 1}`);
    const table: ExportTable = {
      title: 'Hàng rất dài',
      columns: [
        { header: 'Họ và tên', key: 'name', width: 20 },
        { header: 'Thành tích', key: 'achievement', width: 20 },
      ],
      rows: asAsync([
        { name: 'Đặng Văn Đức', achievement: words.join(' ') },
        { name: 'Trần Quốc Bảo', achievement: 'Hết.' },
      ]),
      fileName: 'dai',
    };
    const { pages } = await roundTrip(dir, 'tall', table);
    expect(pages.length).toBeGreaterThan(2);
    const found = squash(pages.join(' ')).match(/từ\d+/g) ?? [];
    expect(found).toEqual(words);
    expect(pages[pages.length - 1]).toContain('Trần Quốc Bảo');
    pages.forEach((page) => expect(page).toContain('Thành tích'));
  });
});
