import { expect, test, type Page } from '@playwright/test';
import { apiGet, expectAccessible, signIn, viScore } from './support';

const GRADES: Record<string, string> = { A: 'Xuất sắc', B: 'Tốt', C: 'Đạt', D: 'Chưa đạt' };
const ROMAN = ['I', 'II', 'III', 'IV'];

/** The rankings open on the last ended quarter: the current one is still being entered. */
function endedQuarter(now = new Date()): string {
  const index = now.getUTCFullYear() * 4 + Math.floor(now.getUTCMonth() / 3) - 1;
  return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
}
const viPeriod = (key: string) => `Quý ${ROMAN[Number(key.slice(6)) - 1]}/${key.slice(0, 4)}`;
const rows = (page: Page) => page.locator('.ant-table-tbody tr[data-row-key]');

interface RankingItem {
  rank: number;
  subjectId: number;
  name: string;
  total: number;
  grade: string;
  movement: number | null;
}

async function expectRows(page: Page, items: RankingItem[]) {
  await expect(rows(page)).toHaveCount(items.length);
  for (const [i, item] of items.slice(0, 5).entries()) {
    const cells = rows(page).nth(i).locator('td');
    await expect(cells.nth(0)).toHaveText(String(item.rank));
    await expect(cells.nth(1)).toHaveText(item.name);
    await expect(cells.nth(2)).toHaveText(viScore(item.total));
    await expect(cells.nth(3)).toHaveText(GRADES[item.grade]);
    const movement = item.movement;
    await expect(cells.nth(5)).toHaveText(
      !movement ? '–' : movement > 0 ? `▲ ${movement}` : `▼ ${-movement}`,
    );
  }
}

test.describe('Xếp hạng', () => {
  const period = endedQuarter();

  test('the head sees the agency’s people of the last ended quarter, filters by unit and opens a history', async ({
    page,
    request,
  }) => {
    // Many steps, each checked against the API, and axe: slow on a shared machine.
    test.slow();
    const all = await apiGet(
      request,
      'head.stc',
      `/api/rankings?period=${period}&subjectType=person&limit=50`,
    );
    await signIn(page, 'head.stc');
    await page
      .getByRole('navigation', { name: 'Chức năng' })
      .getByRole('link', { name: 'Xếp hạng' })
      .click();
    await expect(page.getByRole('heading', { level: 2 })).toHaveText(
      `Xếp hạng ${viPeriod(period)}`,
    );
    await expectRows(page, all.items);
    await expect(page.getByText(`${all.total} người`)).toBeVisible();
    await expectAccessible(page);

    const units = await apiGet(
      request,
      'head.stc',
      `/api/agencies/${all.items[0].agencyId}/units?limit=100`,
    );
    const unit = units.items.find((u: { id: number }) =>
      all.items.some((i: { unitId: number }) => i.unitId === u.id),
    );
    await page.getByLabel('Phòng ban').click();
    await page
      .locator('.ant-select-item-option')
      .filter({ hasText: new RegExp(`^${unit.name}$`) })
      .click();
    await expect(page).toHaveURL(new RegExp(`unitId=${unit.id}`));
    const inUnit = await apiGet(
      request,
      'head.stc',
      `/api/rankings?period=${period}&subjectType=person&unitId=${unit.id}&limit=50`,
    );
    expect(inUnit.total).toBeGreaterThan(0);
    await expectRows(page, inUnit.items);

    const person = inUnit.items[0];
    await rows(page).first().click();
    await expect(page).toHaveURL(new RegExp(`/rankings/history/person/${person.subjectId}`));
    await expect(page.getByRole('heading', { level: 2 })).toHaveText(
      `Lịch sử xếp hạng: ${person.name}`,
    );
    await expect(page.getByTestId('history-chart')).toHaveAttribute('data-chart-ready', 'true');
    const history = await apiGet(
      request,
      'head.stc',
      `/api/rankings/history?subjectType=person&subjectId=${person.subjectId}`,
    );
    await expect(rows(page)).toHaveCount(history.items.length);
    const first = history.items[0];
    await expect(rows(page).first().locator('td')).toHaveText([
      viPeriod(first.period),
      `${first.rank}/${first.rankedOf}`,
      viScore(first.total),
      GRADES[first.grade],
    ]);
    await expectAccessible(page);
  });

  test('an administrator pages through the city’s people and sees the agencies', async ({
    page,
    request,
  }) => {
    // Many steps, each checked against the API, and axe: slow on a shared machine.
    test.slow();
    const second = await apiGet(
      request,
      'admin',
      `/api/rankings?period=${period}&subjectType=person&limit=50&offset=50`,
    );
    expect(second.total).toBeGreaterThan(50);
    await signIn(page, 'admin');
    await page.goto(`/rankings?period=${period}`);
    await expect(rows(page)).toHaveCount(50);
    await page.locator('.ant-pagination-next').click();
    await expect(page).toHaveURL(/page=2/);
    await expectRows(page, second.items);
    await expect(page.getByText(`${second.total} người`)).toBeVisible();

    const agencies = await apiGet(
      request,
      'admin',
      `/api/rankings?period=${period}&subjectType=agency&limit=50`,
    );
    await page.getByRole('tab', { name: 'Cơ quan' }).click();
    await expect(page).toHaveURL(/type=agency/);
    await expectRows(page, agencies.items);
    await expectAccessible(page);
  });
});
