import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { test } from './selectorHelpers.ts';

/**
 * Arabic lays out right to left: the root's `dir` comes from the locale, the CSS is in logical
 * properties, so the search field sits right of the filter panel (which is at the right edge);
 * the grid's arrows keep their visual meaning, the crop's keep their physical one. axe finds
 * nothing serious in RTL, in dark mode, or with the editor open.
 */
// axe takes 10–15 s a run on a busy two-core machine.
test.describe.configure({ timeout: 120_000 });

async function mountArabic(page: Page, hostPage: string, colorScheme: 'light' | 'dark' = 'light') {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(hostPage);
  await page.evaluate((colorScheme) => {
    const w = window as unknown as { picker: { unmount(): void }; AssetSelector: { mount(el: Element, o: object): unknown } };
    w.picker.unmount();
    w.AssetSelector.mount(document.querySelector('#picker')!, { repository: location.origin, locale: 'ar', colorScheme, selectionType: 'multiple' });
  }, colorScheme);
  const root = page.getByRole('region', { name: 'منتقي الأصول' });
  await expect(root.locator('[role="gridcell"] img').first()).toBeVisible();
  return root;
}

async function blockingViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).include('#picker').analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
}

test('an Arabic selector is dir="rtl": the search field on the right of the filter panel, the grid’s arrows mirrored, axe clean', async ({ page, hostPage }) => {
  const root = await mountArabic(page, hostPage);
  await expect(root).toHaveAttribute('dir', 'rtl');
  expect(await root.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');

  const box = async (selector: string) => (await root.locator(selector).first().boundingBox())!;
  const rootBox = (await root.boundingBox())!;
  const filters = await box('.as-filters');
  const search = await box('.as-search');
  const results = await box('.as-results');
  // The filter panel at the right edge, the results left of it, the search field starting from the right.
  expect(filters.x + filters.width).toBeGreaterThan(rootBox.x + rootBox.width - 4);
  expect(results.x + results.width).toBeLessThanOrEqual(filters.x + 1);
  // Its start (the right edge) in the right half, and Sort and View at its end, left of it. (Not its
  // centre: with three toolbar toggles before it, the field's middle may sit just left of the middle.)
  expect(search.x + search.width).toBeGreaterThan(rootBox.x + rootBox.width / 2);
  const toolbarEnd = await box('.as-toolbar-end');
  expect(toolbarEnd.x + toolbarEnd.width).toBeLessThanOrEqual(search.x + 1);
  // The search icon at the start of the field: its right.
  const icon = await box('.as-search-icon');
  expect(icon.x).toBeGreaterThan(search.x + search.width / 2);
  // The first cell at the right; ArrowLeft moves to the one on its left (the next one).
  const cells = root.getByRole('gridcell');
  const [first, second] = [(await cells.nth(0).boundingBox())!, (await cells.nth(1).boundingBox())!];
  expect(second.x).toBeLessThan(first.x);
  await cells.nth(0).click();
  await page.keyboard.press('ArrowLeft');
  await expect(cells.nth(1)).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(cells.nth(0)).toBeFocused();

  expect(await blockingViolations(page)).toEqual([]);
});

test('axe finds nothing serious in RTL with the dark scheme, nor with the editor open; the crop’s arrows keep their physical meaning', async ({ page, hostPage }) => {
  const root = await mountArabic(page, hostPage, 'dark');
  await expect(root).toHaveAttribute('data-color-scheme', 'dark');
  expect(await blockingViolations(page)).toEqual([]);

  await root.locator('[role="gridcell"][data-kind="image"]').first().click();
  await root.getByRole('region', { name: 'الأصول المختارة' }).getByRole('button', { name: 'تحرير' }).click();
  const crop = root.getByRole('group', { name: 'الاقتصاص', exact: true });
  await expect(crop).toBeVisible();
  await expect(root.locator('.as-editor-preview-image')).toBeVisible();
  expect(await blockingViolations(page)).toEqual([]);

  // Shift+ArrowLeft shrinks the crop from the right, then ArrowLeft moves it left: on screen, as in LTR.
  await crop.focus();
  await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.press('Shift+ArrowLeft');
  const before = (await crop.boundingBox())!;
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  const after = (await crop.boundingBox())!;
  expect(after.x).toBeGreaterThan(before.x);
});
