import { expect, test } from '@playwright/test';
import { expectAccessible, pickOption, signIn } from './support';
import { apiCall, currentQuarter, evaluationOf, todayVi } from './grid-support';

const period = currentQuarter();

test.describe('the inspector', () => {
  test.describe.configure({ timeout: 360_000 });

  test('records a visit with its checklist and submits the agency evaluation; the admin approves it', async ({
    page,
    request,
  }) => {
    // An agency whose evaluation of the quarter no one has started.
    const { body: agencies } = await apiCall(request, 'admin', 'GET', '/api/agencies?limit=500');
    const { body: existing } = await apiCall(
      request,
      'admin',
      'GET',
      `/api/evaluations?period=${period}&subjectType=agency&limit=500`,
    );
    const started = new Set(existing.items.map((e: any) => e.subjectId));
    const agency = [...agencies.items].reverse().find((a: any) => a.active && !started.has(a.id));
    expect(agency).toBeTruthy();
    const { body: sets } = await apiCall(
      request,
      'admin',
      'GET',
      '/api/criteria-sets?target=agency&status=published&limit=500',
    );
    const set = sets.items.sort((a: any, b: any) => b.publishedAt.localeCompare(a.publishedAt))[0];
    const checklist = set.criteria.filter((d: any) => !d.fromIncidents);

    await signIn(page, 'inspector');
    await expect(page.getByRole('heading', { name: /Kiểm tra/ })).toBeVisible({ timeout: 90_000 });
    await expectAccessible(page);
    await page.getByLabel('Cơ quan được kiểm tra').fill(agency.name);
    await pickOption(page, agency.name, { exact: true });
    await page.getByLabel('Ngày kiểm tra').fill(todayVi());
    await page.getByLabel('Ngày kiểm tra').press('Enter');
    await page.getByLabel('Trưởng đoàn').fill('Nguyễn Văn Trưởng');
    await page.getByLabel('Thành viên đoàn').fill('Trần Thị Thành');
    await page.getByLabel('Thành viên đoàn').press('Enter');
    await page.getByLabel('Ưu điểm').fill('Niêm yết đầy đủ');
    await page.getByLabel('Tồn tại, hạn chế').fill('Một phòng chưa gắn biển tên');
    await page.getByLabel('Kiến nghị').fill('Gắn biển tên trong tháng');
    const expected: Record<string, unknown> = {};
    for (const def of checklist) {
      if (def.kind === 'boolean') {
        await page.getByLabel(def.name).click();
        await pickOption(page, 'Có', { exact: true });
        expected[def.code] = true;
      } else {
        const value = def.kind === 'percentage' ? 90 : def.kind === 'count' ? 0 : def.maxPoints;
        await page.getByLabel(def.name).fill(String(value));
        expected[def.code] = value;
      }
    }
    await page.getByRole('button', { name: 'Ghi nhận' }).click();
    await expect(page.getByText('Đã ghi nhận đợt kiểm tra.')).toBeVisible();

    // The visit is listed and stored; its checklist filled the agency's evaluation.
    const { body: visits } = await apiCall(
      request,
      'admin',
      'GET',
      `/api/inspections?agencyId=${agency.id}&period=${period}`,
    );
    expect(visits.items).toHaveLength(1);
    expect(visits.items[0]).toMatchObject({
      leader: 'Nguyễn Văn Trưởng',
      members: ['Trần Thị Thành'],
      shortcomings: 'Một phòng chưa gắn biển tên',
    });
    const filled = await evaluationOf(request, agency.id, period, 'agency');
    expect(Object.fromEntries(filled.items.map((i: any) => [i.code, i.value]))).toMatchObject(
      expected,
    );

    // The drawer opens on that evaluation: change one value and submit.
    const drawer = page.getByRole('dialog');
    const changed = checklist.find((d: any) => d.kind === 'percentage') ?? checklist[0];
    await drawer.getByLabel(changed.name).fill('75');
    await drawer.getByRole('button', { name: 'Gửi duyệt' }).click();
    await expect(page.getByText('Đã gửi duyệt phiếu đánh giá cơ quan.')).toBeVisible();
    const submitted = await evaluationOf(request, agency.id, period, 'agency');
    expect(submitted.status).toBe('submitted');
    expect(submitted.items.find((i: any) => i.code === changed.code).value).toBe(75);
    await page.locator('.ant-drawer-close').click();
    await expect(page.getByRole('cell', { name: agency.name })).toBeVisible();

    // The admin approves it from Chờ duyệt.
    const admin = await (await page.context().browser()!.newContext()).newPage();
    await signIn(admin, 'admin');
    await admin.getByRole('link', { name: 'Chờ duyệt' }).click();
    await admin.getByRole('button', { name: agency.name, exact: true }).click();
    await admin.getByRole('dialog').getByRole('button', { name: 'Duyệt', exact: true }).click();
    await expect(admin.getByText('Đã duyệt 1 phiếu.')).toBeVisible();
    expect((await evaluationOf(request, agency.id, period, 'agency')).status).toBe('approved');
    await admin.context().close();
  });
});
