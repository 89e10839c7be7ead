/// <reference lib="dom" />
import { expect, test, type APIRequestContext } from '@playwright/test';
import { scoreEvaluation, GRADE_LABELS, type CriterionDef } from '../../libs/domain/src';
import { expectAccessible, pickOption, signIn, viScore } from './support';
import {
  agencyOf,
  apiCall,
  freshUnit,
  currentQuarter,
  evaluationOf,
  gridCell,
  openGrid,
  todayVi,
  valuesOf,
} from './grid-support';

const period = currentQuarter();

interface CriteriaSet {
  criteria: (CriterionDef & { name: string; fromIncidents: boolean })[];
  thresholds: { A: number; B: number; C: number };
}

async function personSet(request: APIRequestContext): Promise<CriteriaSet> {
  const { body } = await apiCall<{ items: (CriteriaSet & { publishedAt: string })[] }>(
    request,
    'admin',
    'GET',
    '/api/criteria-sets?target=person&status=published&limit=500',
  );
  return body.items.sort((a, b) => b.publishedAt.localeCompare(a.publishedAt))[0];
}

/** A value for each editable criterion, as typed in the grid and as stored. */
function valuesFor(set: CriteriaSet, seed: number) {
  const typed: string[] = [];
  const stored: Record<string, number | boolean> = {};
  for (const def of set.criteria.filter((d) => !d.fromIncidents)) {
    if (def.kind === 'boolean') {
      typed.push('Có');
      stored[def.code] = true;
    } else if (def.kind === 'percentage') {
      typed.push(String(80 + seed));
      stored[def.code] = 80 + seed;
    } else if (def.kind === 'count') {
      typed.push('0');
      stored[def.code] = 0;
    } else {
      const value = Math.round(def.maxPoints * (0.6 + seed / 10) * 2) / 2;
      typed.push(String(value).replace('.', ','));
      stored[def.code] = value;
    }
  }
  return { typed, stored };
}

function scoreOf(set: CriteriaSet, values: Record<string, number | boolean | null>) {
  const withIncidents = { ...values };
  for (const def of set.criteria) if (def.fromIncidents) withIncidents[def.code] = 0;
  return scoreEvaluation(set.criteria, withIncidents, set.thresholds);
}

test.describe('the HR officer in the browser', () => {
  // Long journeys: each does what a person does over several pages.
  test.describe.configure({ timeout: 360_000 });

  test('keyboard entry, a pasted block, live totals, saving and Gửi duyệt with reasons', async ({
    page,
    request,
  }) => {
    const set = await personSet(request);
    const editable = set.criteria.filter((d) => !d.fromIncidents);
    const agencyId = await agencyOf(request, 'hr.stc');
    const typedRows = await freshUnit(request, agencyId, 3, 'H');

    await signIn(page, 'hr.stc');
    await openGrid(page, `period=${period}&unitId=${typedRows.unitId}`);
    await expectAccessible(page);

    // Three people's values with the keyboard alone: type, Tab to the next editable cell, Enter.
    const [first, second, third] = typedRows.people;
    const entries = [valuesFor(set, 1), valuesFor(set, 2), valuesFor(set, 3)];
    const skipped = editable.find((d) => !d.bonus && d.kind !== 'boolean')!;
    await gridCell(page, first.id, editable[0].code).click();
    for (const [row, entry] of entries.entries()) {
      await page.keyboard.press('F2');
      for (const [i, text] of entry.typed.entries()) {
        const leaveEmpty = row === 2 && editable[i].code === skipped.code;
        const person = typedRows.people[row];
        const editor = gridCell(page, person.id, editable[i].code).locator('input');
        await expect(editor).toBeFocused();
        if (!leaveEmpty) await page.keyboard.type(text);
        if (i < entry.typed.length - 1) await page.keyboard.press('Tab');
      }
      // The total and grade follow the typing, computed by libs/domain in the browser.
      const person = typedRows.people[row];
      const expected = scoreOf(
        set,
        row === 2 ? { ...entry.stored, [skipped.code]: null } : entry.stored,
      );
      await page.keyboard.press('Enter');
      await expect(gridCell(page, person.id, 'total')).toHaveText(viScore(expected.total));
      await expect(gridCell(page, person.id, 'grade')).toHaveText(GRADE_LABELS[expected.grade]);
      if (row < 2) {
        // Enter moved down one row, in the last column: back to the first editable one.
        const span =
          set.criteria.indexOf(editable[editable.length - 1]) - set.criteria.indexOf(editable[0]);
        for (let i = 0; i < span; i += 1) await page.keyboard.press('Shift+Tab');
      }
    }

    // Space toggles a yes/no criterion, and the total follows at once.
    const yesNo = editable.find((d) => d.kind === 'boolean');
    if (yesNo) {
      await gridCell(page, first.id, yesNo.code).click();
      await page.keyboard.press('Space');
      await expect(gridCell(page, first.id, yesNo.code)).toHaveText('Không');
      const lowered = scoreOf(set, { ...entries[0].stored, [yesNo.code]: false });
      await expect(gridCell(page, first.id, 'total')).toHaveText(viScore(lowered.total));
      await page.keyboard.press('Space');
      await expect(gridCell(page, first.id, yesNo.code)).toHaveText('Có');
    }
    await page.keyboard.press('Control+s');
    for (const person of typedRows.people)
      await expect(gridCell(page, person.id, 'state')).toHaveText('Nháp');

    // What was stored is what was typed, and the server's total is the one shown.
    for (const [row, person] of typedRows.people.entries()) {
      const stored = await evaluationOf(request, person.id, period);
      expect(stored.status).toBe('draft');
      const expected = { ...entries[row].stored } as Record<string, unknown>;
      if (row === 2) expected[skipped.code] = null;
      expect(valuesOf(stored)).toMatchObject(expected);
      await expect(gridCell(page, person.id, 'total')).toHaveText(viScore(stored.total));
    }

    // Select the three and send them: two go, the third says which value is missing.
    for (const person of typedRows.people)
      await page.locator(`.ag-row[row-id="${person.id}"] .ag-selection-checkbox input`).check();
    await page.getByRole('button', { name: 'Gửi duyệt' }).click();
    await expect(page.getByText('Đã gửi duyệt 2 phiếu.')).toBeVisible();
    const refusal = page.getByRole('dialog').filter({ hasText: '1 phiếu chưa gửi được' });
    await expect(refusal).toContainText(`${third.fullName}: Thiếu giá trị: ${skipped.name}`);
    await refusal.getByRole('button', { name: 'Đóng' }).click();
    await expect(gridCell(page, third.id, 'note')).toContainText('Thiếu giá trị');
    await expect(gridCell(page, first.id, 'state')).toHaveText('Đã gửi');
    expect((await evaluationOf(request, first.id, period)).status).toBe('submitted');
    expect((await evaluationOf(request, second.id, period)).status).toBe('submitted');
    expect((await evaluationOf(request, third.id, period)).status).toBe('draft');
    // A submitted row is read-only and says why.
    await expect(gridCell(page, first.id, 'note')).toHaveText('Đã gửi duyệt: không sửa được.');
  });

  test('a 3×4 block copied from a spreadsheet pastes across rows and columns', async ({
    page,
    context,
    request,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const set = await personSet(request);
    const editable = set.criteria.filter((d) => !d.fromIncidents);
    const agencyId = await agencyOf(request, 'hr.stc');
    const pastedRows = await freshUnit(request, agencyId, 3, 'P');
    await signIn(page, 'hr.stc');
    await openGrid(page, `period=${period}&unitId=${pastedRows.unitId}`);
    const numeric = editable.filter((d) => d.kind !== 'boolean');
    const startAt = editable.indexOf(numeric[0]);
    const columns = editable.slice(startAt, startAt + 4);
    expect(columns).toHaveLength(4);
    const block = [0, 1, 2].map((r) =>
      columns.map((def) =>
        def.kind === 'percentage'
          ? 70 + r
          : def.kind === 'count'
            ? 0
            : Math.min(def.maxPoints, 1 + r),
      ),
    );
    const tsv = block.map((cells) => cells.map((v) => String(v).replace('.', ',')).join('\t'));
    await gridCell(page, pastedRows.people[0].id, columns[0].code).click();
    await page.evaluate((text) => navigator.clipboard.writeText(text), `${tsv.join('\r\n')}\r\n`);
    await page.keyboard.press('Control+v');
    await expect(page.getByText('Đã dán vào 3 dòng.')).toBeVisible();
    for (const [r, person] of pastedRows.people.entries()) {
      await expect(gridCell(page, person.id, 'state')).toHaveText('Nháp');
      const stored = valuesOf(await evaluationOf(request, person.id, period));
      columns.forEach((def, c) => expect(stored[def.code]).toBe(block[r][c]));
    }
  });

  test('back on the grid after another page, the total follows the typing and Ctrl+S saves', async ({
    page,
    request,
  }) => {
    const set = await personSet(request);
    const score = set.criteria.find((d) => d.kind === 'score' && !d.fromIncidents && !d.bonus)!;
    const agencyId = await agencyOf(request, 'hr.stc');
    const { unitName, people } = await freshUnit(request, agencyId, 1, 'B');
    const person = people[0];
    await signIn(page, 'hr.stc');
    // To the grid, away and back through the menu: the second time its data comes from the
    // cache, then the unit is picked in the page's filter.
    const menu = page.getByRole('navigation', { name: 'Chức năng' });
    for (const name of ['Đánh giá quý', 'Xếp hạng', 'Đánh giá quý']) {
      await menu.getByRole('link', { name }).click();
      await expect(page.getByRole('heading', { level: 2 })).toContainText(name);
      if (name === 'Đánh giá quý') await expect(page.locator('.ag-row').first()).toBeVisible();
    }
    await page.getByLabel('Phòng ban').click();
    await pickOption(page, unitName);
    await expect(gridCell(page, person.id, score.code)).toBeVisible();

    await gridCell(page, person.id, score.code).click();
    await page.keyboard.press('F2');
    await page.keyboard.type('3');
    // Still editing: the total is the preview of the typed value.
    await expect(gridCell(page, person.id, score.code).locator('input')).toBeFocused();
    await expect(gridCell(page, person.id, 'total')).toHaveText(
      viScore(scoreOf(set, { [score.code]: 3 }).total),
    );
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+s');
    await expect(gridCell(page, person.id, 'state')).toHaveText('Nháp');
    expect(valuesOf(await evaluationOf(request, person.id, period))[score.code]).toBe(3);
  });

  test('two browsers edit one row: the second save shows the conflict and reloads', async ({
    page,
    browser,
    request,
  }) => {
    const set = await personSet(request);
    const score = set.criteria.find((d) => d.kind === 'score' && !d.fromIncidents && !d.bonus)!;
    const agencyId = await agencyOf(request, 'hr.stc');
    const { unitId, people } = await freshUnit(request, agencyId, 1, 'H');
    const person = people[0];
    const created = await apiCall(request, 'hr.stc', 'POST', '/api/evaluations', {
      subjectType: 'person',
      subjectId: person.id,
      period,
      values: { [score.code]: 1 },
    });
    expect(created.status).toBe(201);

    const other = await (await browser.newContext()).newPage();
    await signIn(page, 'hr.stc');
    await signIn(other, 'hr.stc');
    await openGrid(page, `period=${period}&unitId=${unitId}`);
    await openGrid(other, `period=${period}&unitId=${unitId}`);

    await gridCell(page, person.id, score.code).click();
    await page.keyboard.type('2');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+s');
    await expect(gridCell(page, person.id, 'state')).toHaveText('Nháp');

    await gridCell(other, person.id, score.code).click();
    await other.keyboard.type('3');
    await other.keyboard.press('Enter');
    await other.keyboard.press('Control+s');
    await expect(gridCell(other, person.id, 'state')).toContainText('Xung đột');
    await expect(gridCell(other, person.id, 'note')).toHaveText(
      'Phiếu đã được người khác sửa. Tải lại để xem bản mới nhất.',
    );
    // Nothing is lost silently: the first save stays until the second user reloads and chooses.
    expect(valuesOf(await evaluationOf(request, person.id, period))[score.code]).toBe(2);
    await gridCell(other, person.id, 'state').getByRole('button', { name: 'Tải lại' }).click();
    await expect(gridCell(other, person.id, score.code)).toHaveText('2');
    await gridCell(other, person.id, score.code).click();
    await other.keyboard.type('3');
    await other.keyboard.press('Enter');
    await other.keyboard.press('Control+s');
    await expect(gridCell(other, person.id, 'state')).toHaveText('Nháp');
    const stored = await evaluationOf(request, person.id, period);
    expect(valuesOf(stored)[score.code]).toBe(3);
    expect(stored.version).toBe(3);
    await other.context().close();
  });

  test('a people import with a bad row writes nothing; partial mode writes the good rows', async ({
    page,
    request,
  }) => {
    const stamp = Date.now().toString(36).toUpperCase();
    const codes = [`W2-${stamp}-1`, `W2-${stamp}-2`, `W2-${stamp}-3`];
    const csv = [
      'employeeCode,fullName,category,position,partyMember',
      `${codes[0]},Phạm Thị Nhập,civil_servant,Chuyên viên,false`,
      `${codes[1]},Vũ Văn Lỗi,not_a_category,Chuyên viên,false`,
      `${codes[2]},Đặng Thu Tệp,worker,,true`,
    ].join('\n');
    const file = { name: 'nhan-su.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) };
    const stored = async () => {
      const { body } = await apiCall(request, 'hr.stc', 'GET', '/api/people?limit=500');
      return body.items
        .map((p: { employeeCode: string }) => p.employeeCode)
        .filter((code: string) => codes.includes(code))
        .sort();
    };

    await signIn(page, 'hr.stc');
    await page.getByRole('link', { name: 'Nhân sự' }).click();
    await expect(page.getByRole('heading', { name: 'Nhân sự' })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Nhập từ tệp' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('input[type=file]').setInputFiles(file);
    await dialog.getByRole('button', { name: 'Nhập', exact: true }).click();
    await expect(
      dialog.getByText('Tệp có dòng không hợp lệ; chưa có dữ liệu nào được ghi.'),
    ).toBeVisible();
    const rejected = dialog.getByRole('table');
    await expect(rejected).toContainText('category');
    await expect(rejected.locator('tbody tr')).toHaveCount(1);
    await expect(dialog.getByRole('progressbar')).toBeVisible();
    expect(await stored()).toEqual([]);

    await dialog.getByText('Chỉ ghi các dòng hợp lệ').click();
    await dialog.getByRole('button', { name: 'Nhập', exact: true }).click();
    await expect(dialog.getByText('Đã ghi: 2 mới, 0 cập nhật; 1 lỗi.')).toBeVisible();
    expect(await stored()).toEqual([codes[0], codes[2]].sort());
    await dialog.getByRole('button', { name: 'Đóng' }).first().click();

    // Search without diacritics finds the imported person.
    await page.getByLabel('Tìm theo tên hoặc mã').fill('pham thi nhap');
    await page.getByLabel('Tìm theo tên hoặc mã').press('Enter');
    await expect(page.getByRole('cell', { name: 'Phạm Thị Nhập', exact: true })).toBeVisible();
  });

  test('an incident lowers the person’s total in the grid', async ({ page, request }) => {
    const set = await personSet(request);
    const counted =
      set.criteria.find((d) => d.fromIncidents && !d.disqualifying) ??
      set.criteria.find((d) => d.fromIncidents)!;
    const agencyId = await agencyOf(request, 'hr.stc');
    const { unitId, people } = await freshUnit(request, agencyId, 1, 'H');
    const person = people[0];
    const full = Object.fromEntries(
      set.criteria
        .filter((d) => !d.fromIncidents)
        .map((d) => [
          d.code,
          // No bonus: a total capped at 100 would hide the incident's penalty.
          d.bonus
            ? 0
            : d.kind === 'boolean'
              ? true
              : d.kind === 'percentage'
                ? 100
                : d.kind === 'count'
                  ? 0
                  : d.maxPoints,
        ]),
    );
    const created = await apiCall(request, 'hr.stc', 'POST', '/api/evaluations', {
      subjectType: 'person',
      subjectId: person.id,
      period,
      values: full,
    });
    expect(created.status).toBe(201);
    const before = created.body.total as number;

    await signIn(page, 'hr.stc');
    await openGrid(page, `period=${period}&unitId=${unitId}`);
    await expect(gridCell(page, person.id, 'total')).toHaveText(viScore(before));

    await page.getByRole('link', { name: 'Vi phạm' }).click();
    await expect(page.getByRole('heading', { name: /Vi phạm/ })).toBeVisible();
    await expectAccessible(page);
    await page.getByLabel('Người vi phạm').fill(person.fullName);
    await pickOption(page, person.employeeCode);
    await page.getByLabel('Tiêu chí').click();
    await pickOption(page, counted.name);
    await page.getByLabel('Ngày', { exact: true }).fill(todayVi());
    await page.getByLabel('Ngày', { exact: true }).press('Enter');
    await page.getByLabel('Ghi chú').fill('Phản ánh của công dân');
    await page.getByRole('button', { name: 'Ghi nhận' }).click();
    await expect(page.getByText('Đã ghi nhận vi phạm.')).toBeVisible();
    await expect(page.getByRole('cell', { name: 'Phản ánh của công dân' })).toBeVisible();

    const after = (await evaluationOf(request, person.id, period)).total as number;
    expect(after).toBeLessThan(before);
    await page.getByRole('link', { name: 'Đánh giá quý' }).click();
    await openGrid(page, `period=${period}&unitId=${unitId}`);
    await expect(gridCell(page, person.id, 'total')).toHaveText(viScore(after));
    await expect(gridCell(page, person.id, counted.code)).toHaveText('1');
  });

  test('a closed quarter shows the grid read-only with the reason', async ({ page, request }) => {
    const closedQuarter = '2026-Q1';
    const closed = await apiCall(
      request,
      'admin',
      'POST',
      `/api/periods/${closedQuarter}/close`,
      {},
    );
    expect(closed.status).toBe(200);
    try {
      const agencyId = await agencyOf(request, 'hr.stc');
      const { body } = await apiCall(
        request,
        'admin',
        'GET',
        `/api/people?agencyId=${agencyId}&limit=1`,
      );
      const person = body.items[0];
      const before = await evaluationOf(request, person.id, closedQuarter);
      await signIn(page, 'hr.stc');
      await openGrid(page, `period=${closedQuarter}`);
      await expect(page.getByText('Kỳ đánh giá đã khoá.').first()).toBeVisible();
      await expect(gridCell(page, person.id, 'note')).toHaveText('Kỳ đánh giá đã khoá.');
      await expect(page.getByRole('button', { name: 'Nhập từ tệp' })).toBeDisabled();
      const set = await personSet(request);
      const score = set.criteria.find((d) => d.kind === 'score' && !d.fromIncidents)!;
      const shown = await gridCell(page, person.id, score.code).innerText();
      await gridCell(page, person.id, score.code).click();
      await page.keyboard.type('1');
      await page.keyboard.press('Enter');
      await expect(gridCell(page, person.id, score.code)).toHaveText(shown);
      const after = await evaluationOf(request, person.id, closedQuarter);
      expect(after?.version).toBe(before?.version);
    } finally {
      const reopened = await apiCall(
        request,
        'admin',
        'POST',
        `/api/periods/${closedQuarter}/reopen`,
        {
          reason: 'Hết kiểm thử kỳ khoá',
        },
      );
      expect(reopened.status).toBe(200);
    }
  });
});
