import { expect, test } from '@playwright/test';
import { expectAccessible, signIn } from './support';
import {
  agencyOf,
  apiCall,
  freshUnit,
  currentQuarter,
  evaluationOf,
  gridCell,
  openGrid,
} from './grid-support';

const period = currentQuarter();

test.describe('the department head approves', () => {
  test.describe.configure({ timeout: 360_000 });

  test('approve one, return one with a reason; HR fixes and resubmits; approved; ranked', async ({
    page,
    request,
  }) => {
    const { body: sets } = await apiCall(
      request,
      'admin',
      'GET',
      '/api/criteria-sets?target=person&status=published&limit=500',
    );
    const set = sets.items.sort((a: any, b: any) => b.publishedAt.localeCompare(a.publishedAt))[0];
    const fixable = set.criteria.find(
      (d: any) => d.kind === 'score' && !d.fromIncidents && !d.bonus,
    );
    const full = Object.fromEntries(
      set.criteria
        .filter((d: any) => !d.fromIncidents)
        .map((d: any) => [
          d.code,
          d.kind === 'boolean'
            ? true
            : d.kind === 'percentage'
              ? 90
              : d.kind === 'count'
                ? 0
                : d.maxPoints / 2,
        ]),
    );
    const agencyId = await agencyOf(request, 'hr.stc');
    const { unitId, people } = await freshUnit(request, agencyId, 2, 'A');
    const [approved, returned] = people;
    for (const person of people) {
      const created = await apiCall(request, 'hr.stc', 'POST', '/api/evaluations', {
        subjectType: 'person',
        subjectId: person.id,
        period,
        values: full,
      });
      expect(created.status).toBe(201);
      const sent = await apiCall(
        request,
        'hr.stc',
        'POST',
        `/api/evaluations/${created.body.id}/submit`,
        {},
      );
      expect(sent.status).toBe(200);
    }

    // The head opens one, sees its items, approves it.
    await signIn(page, 'head.stc');
    await page.getByRole('link', { name: 'Chờ duyệt' }).click();
    await expect(page.getByRole('heading', { name: 'Chờ duyệt' })).toBeVisible({ timeout: 90_000 });
    await expect(
      page.getByRole('button', { name: new RegExp(approved.employeeCode) }),
    ).toBeVisible();
    await expectAccessible(page);
    await page.getByRole('button', { name: new RegExp(approved.employeeCode) }).click();
    const drawer = page.getByRole('dialog');
    await expect(drawer.getByRole('cell', { name: set.criteria[0].name })).toBeVisible();
    await drawer.getByRole('button', { name: 'Duyệt', exact: true }).click();
    await expect(page.getByText('Đã duyệt 1 phiếu.')).toBeVisible();
    expect((await evaluationOf(request, approved.id, period)).status).toBe('approved');

    // Returns the other: the reason is required.
    await page.getByRole('button', { name: new RegExp(returned.employeeCode) }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Trả lại' }).click();
    const reasonDialog = page.getByRole('dialog').filter({ hasText: 'Lý do trả lại' });
    await reasonDialog.getByRole('button', { name: 'Trả lại' }).click();
    await expect(reasonDialog.getByText('Vui lòng nhập lý do trả lại.')).toBeVisible();
    const reason = 'Điểm chấp hành thời gian làm việc chưa đúng bảng chấm công';
    await reasonDialog.getByLabel('Lý do trả lại').fill(reason);
    await reasonDialog.getByRole('button', { name: 'Trả lại' }).click();
    await expect(page.getByText(`Đã trả lại phiếu của`)).toBeVisible();
    const back = await evaluationOf(request, returned.id, period);
    expect(back.status).toBe('returned');
    expect(back.returnReason).toBe(reason);

    // HR sees the reason on the row, fixes the value with the keyboard and resubmits.
    const hr = await (await page.context().browser()!.newContext()).newPage();
    await signIn(hr, 'hr.stc');
    await openGrid(hr, `period=${period}&unitId=${unitId}`);
    await expect(gridCell(hr, returned.id, 'returnReason')).toHaveText(reason);
    await expect(gridCell(hr, returned.id, 'state')).toHaveText('Trả lại');
    await gridCell(hr, returned.id, fixable.code).click();
    await hr.keyboard.type(String(fixable.maxPoints));
    await hr.keyboard.press('Enter');
    await hr.keyboard.press('Control+s');
    await expect(gridCell(hr, returned.id, 'state')).toHaveText('Trả lại');
    await hr.locator(`.ag-row[row-id="${returned.id}"] .ag-selection-checkbox input`).check();
    await hr.getByRole('button', { name: 'Gửi duyệt' }).click();
    await expect(hr.getByText('Đã gửi duyệt 1 phiếu.')).toBeVisible();
    const resent = await evaluationOf(request, returned.id, period);
    expect(resent.status).toBe('submitted');
    expect(resent.items.find((i: any) => i.code === fixable.code).value).toBe(fixable.maxPoints);
    await hr.context().close();

    // The head approves it among the selected ones.
    await page.reload();
    await page
      .getByRole('checkbox', { name: new RegExp(`Chọn .*${returned.employeeCode}`) })
      .check();
    await page.getByRole('button', { name: /Duyệt các phiếu đã chọn/ }).click();
    await expect(page.getByText('Đã duyệt 1 phiếu.')).toBeVisible();
    expect((await evaluationOf(request, returned.id, period)).status).toBe('approved');

    // The ranking page shows them with the ranks the API computed.
    let ranked: any[] = [];
    await expect
      .poll(
        async () => {
          const { body } = await apiCall(
            request,
            'head.stc',
            'GET',
            `/api/rankings?period=${period}&subjectType=person&agencyId=${agencyId}&limit=500`,
          );
          ranked = body.items ?? [];
          return people.every((p) => ranked.some((r) => r.subjectId === p.id));
        },
        { timeout: 60_000 },
      )
      .toBe(true);
    await page.goto(`/rankings?period=${period}`);
    for (const person of people) {
      const rank = ranked.find((r) => r.subjectId === person.id).rank;
      const row = page.getByRole('row', { name: new RegExp(person.fullName) });
      await expect(row.getByRole('cell').first()).toHaveText(String(rank));
    }
  });
});
