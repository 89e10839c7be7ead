import { expect as baseExpect, test, type APIRequestContext, type Page } from '@playwright/test';
import { resolveThresholds, scoreEvaluation, type CriterionDef } from '../../libs/domain/src';
import { instant, execute } from './database';
import { confirmPopup, expectAccessible, pickOption, signIn, tokenOf, viScore } from './support';

// The administrator's pages. Each test stands alone on the shared demo data: it makes its own
// records (unique codes and names) and leaves the demo as other journeys expect it.

const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ timeout: 480_000 });

const RUN = Date.now().toString(36).toUpperCase();
const tokens = new Map<string, string>();

async function call<T>(
  request: APIRequestContext,
  username: string,
  method: 'get' | 'post' | 'patch',
  path: string,
  data?: object,
): Promise<{ status: number; body: T }> {
  if (!tokens.has(username)) tokens.set(username, await tokenOf(request, username));
  const response = await request[method](path, {
    headers: { authorization: tokens.get(username)! },
    ...(data ? { data } : {}),
  });
  return { status: response.status(), body: (await response.json().catch(() => null)) as T };
}

async function asAdmin(page: Page, path: string, heading: string | RegExp) {
  await signIn(page, 'admin');
  await expect(page).toHaveURL(/\/city/);
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 2, name: heading })).toBeVisible();
}

/** Picks an option of the antd Select labelled `label` (inside `scope`). */
async function choose(
  page: Page,
  scope: ReturnType<Page['locator']> | Page,
  label: string,
  option: string,
) {
  await scope.getByLabel(label, { exact: true }).click();
  await pickOption(page, option);
}

test('admin creates a criteria set of the four kinds, previews a score, publishes it read-only', async ({
  page,
  request,
}) => {
  const code = `HT-${RUN}`;
  const defs: (CriterionDef & { name: string; label: string })[] = [
    { code: 'C1', name: 'Chấp hành giờ giấc', label: 'Chấm điểm', kind: 'score', maxPoints: 40 },
    {
      code: 'C2',
      name: 'Đeo thẻ công chức',
      label: 'Có/Không',
      kind: 'boolean',
      maxPoints: 20,
      disqualifying: true,
    },
    {
      code: 'C3',
      name: 'Tỷ lệ hồ sơ đúng hạn',
      label: 'Tỷ lệ %',
      kind: 'percentage',
      maxPoints: 30,
      target: 80,
    },
    {
      code: 'C4',
      name: 'Số lần bị phản ánh',
      label: 'Đếm số lần',
      kind: 'count',
      maxPoints: 10,
      penaltyPerUnit: 2,
      fromIncidents: true,
    },
  ];
  const sample = { C1: 30, C2: true, C3: 60, C4: 1 };
  const expected = scoreEvaluation(defs, sample, resolveThresholds({ A: 90, B: 75, C: 50 }));

  // The agency sets in use before, to be put back on top afterwards.
  const before = await call<{
    items: { id: number; code: string; target: string; status: string }[];
  }>(request, 'admin', 'get', '/api/criteria-sets?target=agency&status=published&limit=500');

  await asAdmin(page, '/criteria-sets', 'Bộ tiêu chí');
  await page.getByRole('button', { name: 'Tạo bộ tiêu chí' }).click();
  await page.getByLabel('Mã bộ tiêu chí').fill(code);
  await page.getByLabel('Tên bộ tiêu chí').fill(`Bộ tiêu chí thử nghiệm ${RUN}`);
  // A set for agencies, so that the HR officers' grid of people keeps the demo's set.
  await choose(page, page, 'Áp dụng cho', 'Cơ quan');
  for (let i = 1; i < defs.length; i++)
    await page.getByRole('button', { name: 'Thêm tiêu chí' }).click();
  for (const [i, def] of defs.entries()) {
    const group = page.getByRole('group', { name: `Tiêu chí ${i + 1}` });
    await group.getByLabel('Mã', { exact: true }).fill(def.code);
    await group.getByLabel('Tên tiêu chí').fill(def.name);
    await choose(page, group, 'Loại', def.label);
    await group.getByLabel('Điểm tối đa').fill(String(def.maxPoints));
    if (def.target) await group.getByLabel('Chỉ tiêu (%)').fill(String(def.target));
    if (def.penaltyPerUnit) await group.getByLabel('Trừ mỗi lần').fill(String(def.penaltyPerUnit));
    if (def.fromIncidents) await group.getByLabel('Lấy từ vi phạm').check();
    if (def.disqualifying) await group.getByLabel('Loại trừ').check();
  }
  await page.getByRole('button', { name: 'Tạo bản nháp' }).click();
  await expect(page.getByText(`Đã tạo bộ tiêu chí ${code}`)).toBeVisible();

  await page.getByLabel('Giá trị thử C1').fill(String(sample.C1));
  await page.getByLabel('Giá trị thử C2').check();
  await page.getByLabel('Giá trị thử C3').fill(String(sample.C3));
  await page.getByLabel('Giá trị thử C4').fill(String(sample.C4));
  await page.getByLabel('Giá trị thử C4').blur();
  await expect(page.getByTestId('preview-total')).toHaveText(viScore(expected.total));
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Công bố' }).click();
  await confirmPopup(page, 'Công bố');
  await expect(page.getByText(/Đã công bố .* phiên bản 1/)).toBeVisible();
  await expect(page.getByText('Đã công bố – chỉ xem')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Lưu nháp' })).toHaveCount(0);
  await expect(page.getByLabel('Tên bộ tiêu chí')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Phiên bản mới' })).toBeVisible();

  const sets = await call<{
    items: {
      id: number;
      code: string;
      status: string;
      criteria: { kind: string; fromIncidents: boolean; disqualifying: boolean }[];
    }[];
  }>(request, 'admin', 'get', `/api/criteria-sets?code=${code}`);
  const stored = sets.body.items[0];
  expect(stored.status).toBe('published');
  expect(stored.criteria.map((c) => c.kind)).toEqual(['score', 'boolean', 'percentage', 'count']);
  expect(stored.criteria[3].fromIncidents).toBe(true);
  expect(stored.criteria[1].disqualifying).toBe(true);
  const edit = await call<{ code: string }>(
    request,
    'admin',
    'patch',
    `/api/criteria-sets/${stored.id}`,
    { name: 'x' },
  );
  expect(edit.status).toBe(409);

  // Put the demo's agency set back on top: a new version of it, published.
  const demoSet = before.body.items.find((s) => s.code !== code);
  if (demoSet) {
    const copy = await call<{ id: number }>(
      request,
      'admin',
      'post',
      `/api/criteria-sets/${demoSet.id}/versions`,
    );
    expect(copy.status).toBe(201);
    expect(
      (await call(request, 'admin', 'post', `/api/criteria-sets/${copy.body.id}/publish`)).status,
    ).toBe(200);
  }
});

test('admin adds a unit and a user; the user signs in; disabling the user ends the session', async ({
  page,
  browser,
  request,
}) => {
  const agencies = await call<{ items: { id: number; code: string; name: string }[] }>(
    request,
    'admin',
    'get',
    '/api/agencies?limit=500',
  );
  const stc = agencies.body.items.find((a) => a.code === 'STC')!;
  const unitName = `Tổ công tác số hoá ${RUN}`;
  const username = `hanh.${RUN.toLowerCase()}`;

  await asAdmin(page, '/agencies', 'Cơ quan và phòng ban');
  await page.getByRole('button', { name: stc.name }).click();
  await page.getByRole('button', { name: 'Thêm phòng ban' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Mã phòng ban').fill(`SH${RUN}`.slice(0, 20));
  await dialog.getByLabel('Tên phòng ban').fill(unitName);
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByText(`Đã thêm ${unitName}`)).toBeVisible();
  await expect(page.getByRole('tree').getByText(unitName)).toBeVisible();
  await expectAccessible(page);
  const units = await call<{ items: { name: string }[] }>(
    request,
    'admin',
    'get',
    `/api/agencies/${stc.id}/units?limit=500`,
  );
  expect(units.body.items.map((u) => u.name)).toContain(unitName);

  await page.goto('/users');
  await expect(page.getByRole('heading', { level: 2, name: 'Người dùng' })).toBeVisible();
  await page.getByRole('button', { name: 'Tạo người dùng' }).click();
  const form = page.getByRole('dialog');
  await form.getByLabel('Tên đăng nhập').fill(username);
  await form.getByLabel('Mật khẩu').fill('mat-khau-moi-2026');
  await choose(page, form, 'Vai trò', 'Cán bộ tổ chức');
  await choose(page, form, 'Cơ quan', stc.name);
  await form.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByText(`Đã tạo người dùng ${username}`)).toBeVisible();
  await expectAccessible(page);
  const created = await call<{
    items: { id: number; username: string; role: string; agencyId: number; active: boolean }[];
  }>(request, 'admin', 'get', `/api/users?agencyId=${stc.id}&limit=500`);
  const user = created.body.items.find((u) => u.username === username)!;
  expect(user).toMatchObject({ role: 'hr_officer', agencyId: stc.id, active: true });

  const other = await browser.newContext();
  const theirs = await other.newPage();
  await signIn(theirs, username, 'mat-khau-moi-2026');
  await expect(theirs.getByText('Cán bộ tổ chức')).toBeVisible();
  await expect(theirs).not.toHaveURL(/\/login/);

  await page.goto(`/users?agencyId=${stc.id}`);
  await page.getByRole('button', { name: `Vô hiệu hoá ${username}` }).click();
  await confirmPopup(page, 'Vô hiệu hoá');
  await expect(page.getByText(`Đã vô hiệu hoá ${username}`)).toBeVisible();
  const disabled = await call<{ active: boolean }>(
    request,
    'admin',
    'get',
    `/api/users/${user.id}`,
  );
  expect(disabled.body.active).toBe(false);

  // The open session ends: the next page they open sends them to the login page.
  await theirs.goto('/rankings');
  await expect(theirs).toHaveURL(/\/login/);
  await other.close();
});

let reopenAfter: string | undefined;
test.afterEach(async ({ request }) => {
  if (!reopenAfter) return;
  const key = reopenAfter;
  reopenAfter = undefined;
  const periods = await call<{ items: { key: string; status: string }[] }>(
    request,
    'admin',
    'get',
    '/api/periods?limit=100',
  );
  if (periods.body.items.find((p) => p.key === key)?.status === 'closed')
    await call(request, 'admin', 'post', `/api/periods/${key}/reopen`, {
      reason: 'Mở lại sau hành trình thử',
    });
});

test('admin closes a quarter (changes refused with PERIOD_CLOSED) and reopens it with a reason', async ({
  page,
  request,
}) => {
  const open = await call<{ items: { key: string; status: string }[] }>(
    request,
    'admin',
    'get',
    '/api/periods?status=open&limit=100',
  );
  // The oldest open quarter with an evaluation of STC, so the current one stays as the demo has it.
  let key: string | undefined;
  let evaluation: { id: number; version: number } | undefined;
  for (const period of [...open.body.items].reverse()) {
    const page1 = await call<{ items: { id: number; version: number }[] }>(
      request,
      'hr.stc',
      'get',
      `/api/evaluations?period=${period.key}&subjectType=person&limit=1`,
    );
    if (page1.status === 200 && page1.body.items.length) {
      key = period.key;
      evaluation = page1.body.items[0];
      break;
    }
  }
  expect(key, 'an open quarter with evaluations').toBeTruthy();
  const [year, quarter] = key!.split('-Q');
  const label = `Quý ${['I', 'II', 'III', 'IV'][Number(quarter) - 1]}/${year}`;

  // Whatever happens below, the quarter does not stay closed for the journeys after this one.
  test.info().attach('quarter', { body: key! });
  reopenAfter = key;
  await asAdmin(page, '/periods', 'Kỳ đánh giá');
  await expectAccessible(page);
  await page.getByRole('button', { name: `Khoá ${label}` }).click();
  await confirmPopup(page, 'Khoá');
  await expect(page.getByText(`Đã khoá ${label}`)).toBeVisible();

  const refused = await call<{ code: string }>(
    request,
    'hr.stc',
    'patch',
    `/api/evaluations/${evaluation!.id}`,
    {
      version: evaluation!.version,
      values: {},
    },
  );
  expect(refused.status).toBe(409);
  expect(refused.body.code).toBe('PERIOD_CLOSED');

  const row = page.getByRole('row', { name: new RegExp(label) });
  await expect(row).toContainText('Đã khoá');
  await row.getByRole('button', { name: 'Mở lại' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Mở lại' }).click();
  await expect(dialog.getByText('Nhập lý do mở lại')).toBeVisible();
  await dialog.getByLabel('Lý do mở lại').fill('Bổ sung phiếu theo đề nghị của Sở');
  await dialog.getByRole('button', { name: 'Mở lại' }).click();
  await expect(page.getByText(`Đã mở lại ${label}`)).toBeVisible();
  const periods = await call<{
    items: { key: string; status: string; reopenReason: string | null }[];
  }>(request, 'admin', 'get', '/api/periods?limit=100');
  expect(periods.body.items.find((p) => p.key === key)).toMatchObject({
    status: 'open',
    reopenReason: 'Bổ sung phiếu theo đề nghị của Sở',
  });
});

test('admin runs a roll-up and follows it to its end; a click while one runs is explained', async ({
  page,
  request,
}) => {
  const newestRun = async () =>
    (
      await call<{ items: { id: number; period: string; status: string; trigger: string }[] }>(
        request,
        'admin',
        'get',
        '/api/rollups/runs?period=2025&limit=1',
      )
    ).body.items[0];
  await asAdmin(page, '/rollups?period=2025', 'Tổng hợp kết quả');
  await expectAccessible(page);
  const run = page.getByRole('button', { name: 'Chạy ngay' });
  await run.click();
  await expect(page.getByText('Đã bắt đầu tổng hợp Năm 2025')).toBeVisible();
  await expect(page.getByText(/tổng hợp Năm 2025 thành công/)).toBeVisible({ timeout: 120_000 });
  expect(await newestRun()).toMatchObject({
    period: '2025',
    status: 'succeeded',
    trigger: 'manual',
  });

  // A demo roll-up ends in a moment, so a run that holds the year is made as another instance
  // (or the schedule) leaves it while it works: running, its lease renewed minutes ahead.
  const now = new Date();
  const held = await execute(
    'INSERT INTO rollup_runs (period, `trigger`, status, active_period, started_at, lease_until) ' +
      "VALUES ('2025', 'schedule', 'running', '2025', ?, ?)",
    [instant(now), instant(new Date(now.getTime() + 600_000))],
  );
  try {
    await run.click();
    const refusal = page.getByRole('alert').filter({ hasText: 'Chưa thể chạy thêm' });
    await expect(refusal).toContainText(
      'Đang có một lượt tổng hợp của kỳ này chạy. Vui lòng chờ lượt đó kết thúc rồi thử lại.',
    );
    await expect(page.getByRole('row', { name: /Đang chạy/ })).toBeVisible();
    await expectAccessible(page);
    expect(await newestRun()).toMatchObject({ id: held, status: 'running' });
  } finally {
    await execute('DELETE FROM rollup_runs WHERE id = ?', [held]);
  }
});

test('every administrator page passes axe', async ({ page }) => {
  await asAdmin(page, '/city?period=2025', /Tổng quan thành phố/);
  await expect(page.getByTestId('city-agencies-chart')).toHaveAttribute('data-chart-ready', 'true');
  await expectAccessible(page);
  for (const [path, heading] of [
    ['/decisions', 'Quyết định khen thưởng'],
    ['/decisions?tab=decided', 'Quyết định khen thưởng'],
    ['/agencies', 'Cơ quan và phòng ban'],
    ['/users', 'Người dùng'],
    ['/criteria-sets', 'Bộ tiêu chí'],
    ['/audit', 'Nhật ký thay đổi'],
    ['/exemplary?period=2025&type=agency', /Gương điển hình/],
    ['/nominations?period=2025', /Đề nghị khen thưởng/],
  ] as const) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 2, name: heading })).toBeVisible();
    await page.waitForLoadState('networkidle');
    await expectAccessible(page);
  }
});
