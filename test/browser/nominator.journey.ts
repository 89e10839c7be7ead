import { readFile } from 'node:fs/promises';
import { expect as baseExpect, test, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { pdfPageTexts } from '../../libs/exports/src/testing/pdf-text';
import type { APIRequestContext } from '@playwright/test';
import { confirmPopup, expectAccessible, signIn, tokenOf } from './support';

// The nominator's year: candidates and near misses, a list of two candidates and one
// non-candidate with a reason, sent and downloaded; the admin's decision; the audit log's record.
// Everything is read from the API first, so the journey holds whatever the demo's figures are.

const YEAR = '2025';
// The machine running the journeys may be loaded: wait longer than the default for each step.
const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ timeout: 480_000 });

interface Candidate {
  subjectId: number;
  name: string;
  total: number;
  grade: string;
  rank: number;
  rankedOf: number;
}
interface NearMiss extends Candidate {
  failed: string;
  checks: { check: string; passed: boolean; detail: string }[];
}
interface Entry {
  id: number;
  subjectId: number;
  name: string;
  overrideReason: string | null;
  candidate: boolean;
  total: number | null;
  rank: number | null;
}
interface List {
  id: number;
  title: string;
  status: string;
  entries: Entry[];
  decisionNumber: string | null;
  decisionDate: string | null;
}

const tokens = new Map<string, string>();

/** GET as a user, signing in through the API once per user (argon2 is slow on a busy machine). */
async function apiGet<T>(request: APIRequestContext, username: string, path: string): Promise<T> {
  if (!tokens.has(username)) tokens.set(username, await tokenOf(request, username));
  const response = await request.get(path, { headers: { authorization: tokens.get(username)! } });
  baseExpect(response.status(), path).toBe(200);
  return (await response.json()) as T;
}

const TITLE = `Danh sách khen thưởng năm ${YEAR} – hành trình ${Date.now().toString(36)}`;
const DECISION = `${Math.floor(Math.random() * 900) + 100}/QĐ-SVHTT`;

async function download(page: Page, format: string): Promise<Buffer> {
  const started = page.waitForEvent('download');
  await page.getByRole('button', { name: `Tải danh sách ${TITLE} dạng ${format}` }).click();
  const file = await started;
  expect(await file.failure()).toBeNull();
  return readFile((await file.path())!);
}

test.describe.serial('nominator: candidates, a list, downloads; admin decides', () => {
  let listId: number;
  let chosen: Candidate[];
  let nearMiss: NearMiss;

  test('candidates with the five checks, and the near misses with the check each failed', async ({
    page,
    request,
  }) => {
    const exemplary = await apiGet<{ items: Candidate[]; nearMisses: NearMiss[] }>(
      request,
      'nominator.stc',
      `/api/exemplary?period=${YEAR}&nearMisses=true`,
    );
    expect(exemplary.items.length).toBeGreaterThanOrEqual(2);
    expect(exemplary.nearMisses.length).toBeGreaterThanOrEqual(1);
    nearMiss = exemplary.nearMisses[0];

    await signIn(page, 'nominator.stc');
    await expect(page).toHaveURL(/\/exemplary/);
    await page.goto(`/exemplary?period=${YEAR}`);
    await expect(page.getByRole('heading', { name: `Gương điển hình Năm ${YEAR}` })).toBeVisible();
    const first = page.getByRole('row', { name: new RegExp(exemplary.items[0].name) });
    await expect(first).toContainText('Xếp loại Xuất sắc: Đạt');
    await expect(first).toContainText('Đủ các quý được duyệt: Đạt');
    await expectAccessible(page);

    await page.getByRole('tab', { name: /Suýt đạt/ }).click();
    const row = page.getByRole('row', { name: new RegExp(nearMiss.name) });
    const failed = nearMiss.checks.find((c) => c.check === nearMiss.failed)!;
    await expect(row).toContainText('Không đạt');
    await expect(row).toContainText(failed.detail);
    await expectAccessible(page);
  });

  test('creates a list, adds two candidates and a non-candidate with a reason, sends it', async ({
    page,
    request,
  }) => {
    // Candidates already standing on a list of the year (the demo's draft) are freed first,
    // through the page, by removing them from that draft.
    const candidates = (
      await apiGet<{ items: Candidate[] }>(
        request,
        'nominator.stc',
        `/api/exemplary?period=${YEAR}`,
      )
    ).items;
    const lists = await apiGet<{ items: { id: number; status: string }[] }>(
      request,
      'nominator.stc',
      `/api/nominations?period=${YEAR}&limit=100`,
    );
    const standing = new Map<number, { listId: number; status: string }>();
    for (const list of lists.items) {
      const detail = await apiGet<List>(request, 'nominator.stc', `/api/nominations/${list.id}`);
      for (const e of detail.entries)
        standing.set(e.subjectId, { listId: list.id, status: list.status });
    }
    chosen = candidates.filter((c) => !standing.has(c.subjectId)).slice(0, 2);
    await signIn(page, 'nominator.stc');
    await expect(page).toHaveURL(/\/exemplary/);
    for (const c of candidates.filter((c) => standing.get(c.subjectId)?.status === 'draft')) {
      if (chosen.length >= 2) break;
      await page.goto(`/nominations?period=${YEAR}&list=${standing.get(c.subjectId)!.listId}`);
      await page.getByRole('button', { name: `Bỏ ${c.name}` }).click();
      await confirmPopup(page, 'Bỏ');
      await expect(page.getByText('Đã bỏ khỏi danh sách')).toBeVisible();
      chosen.push(c);
    }
    expect(chosen).toHaveLength(2);
    expect(standing.has(nearMiss.subjectId)).toBe(false);

    await page.goto(`/nominations?period=${YEAR}`);
    await page.getByRole('button', { name: 'Tạo danh sách' }).click();
    await page.getByLabel('Tên danh sách').fill(TITLE);
    await page.getByRole('button', { name: 'Tạo', exact: true }).click();
    await expect(page.getByText('Đã tạo danh sách')).toBeVisible();
    await expect(page).toHaveURL(/list=\d+/);
    listId = Number(new URL(page.url()).searchParams.get('list'));

    for (const c of chosen) {
      await page.getByRole('button', { name: `Thêm ${c.name}` }).click();
      await page
        .getByLabel('Thành tích')
        .fill(`Hoàn thành xuất sắc nhiệm vụ năm ${YEAR};\nkhông có phản ánh của công dân.`);
      await page.getByRole('button', { name: 'Thêm vào danh sách' }).click();
      await expect(page.getByRole('dialog')).toBeHidden();
    }
    await page.getByRole('button', { name: 'Thêm người ngoài danh sách ứng viên' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Người được đề nghị').fill(nearMiss.name);
    await page.locator('.ant-select-item-option', { hasText: nearMiss.name }).click();
    await dialog.getByLabel('Thành tích').fill('Sáng kiến cải cách thủ tục hành chính.');
    await dialog.getByRole('button', { name: 'Thêm vào danh sách' }).click();
    // Without a reason the form refuses; with one the entry is added and shown as such.
    await expect(dialog.getByText('Nhập lý do')).toBeVisible();
    await dialog
      .getByLabel('Lý do đề nghị ngoài danh sách ứng viên')
      .fill('Có sáng kiến được Thành phố công nhận');
    await dialog.getByRole('button', { name: 'Thêm vào danh sách' }).click();
    await expect(dialog).toBeHidden();
    const overrideRow = page.getByRole('row', { name: new RegExp(nearMiss.name) }).first();
    await expect(overrideRow).toContainText('Ngoài danh sách ứng viên');
    await expect(overrideRow).toContainText('Lý do đề nghị: Có sáng kiến được Thành phố công nhận');
    await expectAccessible(page);

    await page.getByRole('button', { name: /^(send )?Gửi$/ }).click();
    await confirmPopup(page, 'Gửi');
    await expect(page.getByText('Đã gửi danh sách đề nghị')).toBeVisible();

    const stored = await apiGet<List>(request, 'nominator.stc', `/api/nominations/${listId}`);
    expect(stored.status).toBe('submitted');
    expect(stored.title).toBe(TITLE);
    expect(stored.entries.map((e) => e.subjectId).sort()).toEqual(
      [...chosen.map((c) => c.subjectId), nearMiss.subjectId].sort(),
    );
    const override = stored.entries.find((e) => e.subjectId === nearMiss.subjectId)!;
    expect(override).toMatchObject({
      candidate: false,
      overrideReason: 'Có sáng kiến được Thành phố công nhận',
    });
    for (const c of chosen)
      expect(stored.entries.find((e) => e.subjectId === c.subjectId)).toMatchObject({
        candidate: true,
        overrideReason: null,
        total: c.total,
        rank: c.rank,
      });
  });

  test('downloads the list as XLSX and PDF with the names and Vietnamese headers', async ({
    page,
  }) => {
    await signIn(page, 'nominator.stc');
    await expect(page).toHaveURL(/\/exemplary/);
    await page.goto(`/nominations?period=${YEAR}&list=${listId}`);
    const names = [...chosen.map((c) => c.name), nearMiss.name];

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await download(page, 'XLSX')) as unknown as ArrayBuffer);
    const cells: string[] = [];
    workbook.worksheets[0].eachRow((row) =>
      (row.values as unknown[]).forEach((v) => cells.push(String(v ?? ''))),
    );
    for (const header of ['STT', 'Họ và tên', 'Chức vụ', 'Đơn vị', 'Xếp loại', 'Thành tích'])
      expect(cells).toContain(header);
    for (const name of names) expect(cells).toContain(name);

    const pdf = await download(page, 'PDF');
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const file = test.info().outputPath('list.pdf');
    await (await import('node:fs/promises')).writeFile(file, pdf);
    const text = (await pdfPageTexts(file)).join('\n');
    for (const words of ['Họ và tên', 'Thành tích', ...names]) expect(text).toContain(words);
  });

  test('the admin accepts it with a decision number and date; the nominator sees it decided', async ({
    page,
    browser,
    request,
  }) => {
    await signIn(page, 'admin');
    await expect(page).toHaveURL(/\/city/);
    await page.goto('/decisions');
    const row = page.getByRole('row', { name: new RegExp(TITLE) });
    await row.getByRole('button', { name: 'Quyết định' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Số quyết định').fill(DECISION);
    const date = dialog.getByLabel('Ngày quyết định');
    await date.fill('10/02/2026');
    await date.press('Enter');
    await expectAccessible(page);
    await dialog.getByRole('button', { name: 'Ghi quyết định' }).click();
    await expect(
      page.getByText(`Đã chấp thuận danh sách theo quyết định ${DECISION}`),
    ).toBeVisible();

    const stored = await apiGet<List>(request, 'admin', `/api/nominations/${listId}`);
    expect(stored).toMatchObject({
      status: 'accepted',
      decisionNumber: DECISION,
      decisionDate: '2026-02-10',
    });

    const nominator = await browser.newPage();
    await signIn(nominator, 'nominator.stc');
    await expect(nominator).toHaveURL(/\/exemplary/);
    await nominator.goto(`/nominations?period=${YEAR}`);
    const decided = nominator.getByRole('row', { name: new RegExp(TITLE) });
    await expect(decided).toContainText('Đã chấp thuận');
    await expect(decided).toContainText(`Số ${DECISION} ngày 10/02/2026`);
    await nominator.close();
  });

  test('the audit log shows the decision with its before and after', async ({ page }) => {
    await signIn(page, 'admin');
    await expect(page).toHaveURL(/\/city/);
    await page.goto('/audit?entity=nomination_list');
    const row = page.getByRole('row', { name: new RegExp(`Chấp thuận.*#${listId}`) });
    await expect(row).toContainText(DECISION);
    await row.getByRole('button', { name: /Mở rộng|Expand/i }).click();
    const change = page.locator('.before-after').first();
    const status = change.getByRole('row', { name: /^status/ });
    await expect(status).toContainText('submitted');
    await expect(status).toContainText('accepted');
    await expect(status).toContainText('Đã đổi');
    await expectAccessible(page);
  });
});
