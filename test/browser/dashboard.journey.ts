import { expect, test, type Locator, type Page } from '@playwright/test';
import { apiGet, expectAccessible, signIn } from './support';

const ROMAN = ['I', 'II', 'III', 'IV'];
const integer = (value: number) => value.toLocaleString('vi-VN');
const percent = (value: number | null) =>
  value === null
    ? '–'
    : `${value.toLocaleString('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 })}%`;

/** The quarter before today's, which the demo has complete; and today's, partly entered. */
function quarters(now = new Date()): { current: string; ended: string } {
  const index = now.getUTCFullYear() * 4 + Math.floor(now.getUTCMonth() / 3);
  const key = (i: number) => `${Math.floor(i / 4)}-Q${(i % 4) + 1}`;
  return { current: key(index), ended: key(index - 1) };
}
const viPeriod = (key: string) => `Quý ${ROMAN[Number(key.slice(6)) - 1]}/${key.slice(0, 4)}`;

/** The rows of a chart's folded figure table, opened. */
async function tableRows(page: Page, testId: string): Promise<Locator> {
  const table = page.getByTestId(testId);
  // The keyboard, as a screen-reader user opens it (no wait for the charts' animations).
  await table.getByText('Xem số liệu dạng bảng').focus();
  await page.keyboard.press('Enter');
  await expect(table.locator('table')).toBeVisible();
  return table.locator('tbody tr');
}

test.describe('the department head’s Tổng quan', () => {
  test('shows the three charts and the waiting count with the API’s figures', async ({
    page,
    request,
  }) => {
    // Many steps, each checked against the API, and axe: slow on a shared machine.
    test.slow();
    const { ended } = quarters();
    const data = await apiGet(request, 'head.stc', `/api/dashboard/agency?period=${ended}`);
    await signIn(page, 'head.stc');
    await expect(page).toHaveURL(/\/dashboard/);
    await page.getByLabel('Kỳ đánh giá').click();
    await page
      .locator('.ant-select-item-option')
      .filter({ hasText: viPeriod(ended) })
      .click();
    await expect(page).toHaveURL(new RegExp(`period=${ended}`));
    await expect(page.getByRole('heading', { level: 2 })).toContainText(
      `Tổng quan ${viPeriod(ended)}`,
    );

    for (const chart of ['rank-trend-chart', 'grades-chart', 'coverage-chart'])
      await expect(page.getByTestId(chart)).toHaveAttribute('data-chart-ready', 'true');
    await expect(page.getByTestId('waiting-count')).toContainText('Chờ duyệt');
    await expect(page.getByTestId('waiting-count')).toContainText(
      integer(data.waitingForApproval.period),
    );

    // Rank over eight quarters: "rank/ranked of", or not ranked.
    const trend = await tableRows(page, 'rank-trend-table');
    await expect(trend).toHaveCount(8);
    for (const [i, point] of data.rankTrend.entries()) {
      await expect(trend.nth(i).locator('td').nth(0)).toHaveText(viPeriod(point.period));
      await expect(trend.nth(i).locator('td').nth(1)).toHaveText(
        point.rank === null ? 'Chưa xếp hạng' : `${point.rank}/${point.rankedOf}`,
      );
    }

    // Grades by unit, in words: Xuất sắc, Tốt, Đạt, Chưa đạt.
    const grades = await tableRows(page, 'grades-table');
    const header = page.getByTestId('grades-table').locator('thead th');
    await expect(header).toHaveText(['Phòng ban', 'Xuất sắc', 'Tốt', 'Đạt', 'Chưa đạt']);
    const units = data.units.filter(
      (unit: { headcount: number; approved: number }) => unit.headcount > 0 || unit.approved > 0,
    );
    await expect(grades).toHaveCount(units.length);
    for (const [i, unit] of units.entries()) {
      await expect(grades.nth(i).locator('td')).toHaveText([
        unit.name ?? 'Chưa xếp phòng ban',
        ...['A', 'B', 'C', 'D'].map((grade) => integer(unit.grades[grade])),
      ]);
    }

    // Coverage: the whole agency's row.
    const coverage = await tableRows(page, 'coverage-table');
    await expect(coverage.last().locator('td')).toHaveText([
      'Toàn cơ quan',
      integer(data.totals.headcount),
      `${integer(data.totals.evaluated)} (${percent(data.totals.evaluatedShare)})`,
      `${integer(data.totals.approved)} (${percent(data.totals.approvedShare)})`,
    ]);
    await expectAccessible(page);
  });

  test('opens on the current quarter with its waiting count', async ({ page, request }) => {
    const { current } = quarters();
    const data = await apiGet(request, 'head.stc', `/api/dashboard/agency?period=${current}`);
    await signIn(page, 'head.stc');
    await expect(page.getByRole('heading', { level: 2 })).toContainText(
      `Tổng quan ${viPeriod(current)}`,
    );
    await expect(page.getByTestId('waiting-count')).toContainText(
      `${integer(data.waitingForApproval.period)}`,
    );
    await expect(page.getByTestId('coverage-chart')).toHaveAttribute('data-chart-ready', 'true');
    await expectAccessible(page);
  });
});
