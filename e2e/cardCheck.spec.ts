import { expect, type Locator } from '@playwright/test';
import { selector, test } from './selectorHelpers.ts';

/**
 * A card's check is drawn by the stylesheet (the card's `::before` is the circle, its `::after` the
 * tick), so no element carries it. What a person sees: a checked card shows its tick in the grid
 * and in the list view, an unchecked one none. Whether the tick is painted is read by hiding it:
 * where it shows, the card's picture changes; where it is covered (the list view once painted it
 * under the circle) or absent, nothing does.
 */

/** Whether hiding the card's tick changes what the card looks like. */
async function tickShows(cell: Locator): Promise<boolean> {
  const shot = () => cell.screenshot({ animations: 'disabled', caret: 'hide' });
  await cell.page().mouse.move(0, 0);
  const shown = await shot();
  await cell.evaluate((el) => {
    const root = el.getRootNode() as Document | ShadowRoot;
    const style = document.createElement('style');
    style.id = 'e2e-hide-tick';
    style.textContent = '.as-card::after { visibility: hidden !important; }';
    (root instanceof ShadowRoot ? root : document.head).append(style);
  });
  const hidden = await shot();
  await cell.evaluate((el) => (el.getRootNode() as Document | ShadowRoot).querySelector('#e2e-hide-tick')?.remove());
  return !shown.equals(hidden);
}

for (const view of ['Grid view', 'List view'] as const) {
  test(`${view}: a checked card shows its tick, an unchecked one none`, async ({ page, hostPage }) => {
    await page.goto(hostPage);
    const s = selector(page);
    await expect(s.status).toHaveText(/^\d+ assets found$/);
    await s.root.getByRole('button', { name: view }).click();
    await expect(s.root.getByRole('button', { name: view })).toHaveAttribute('aria-pressed', 'true');
    const cell = s.cell('Kite over the hills');
    await expect(cell).toHaveAttribute('aria-selected', 'false');
    expect(await tickShows(cell)).toBe(false);
    await cell.click();
    await expect(cell).toHaveAttribute('aria-selected', 'true');
    expect(await tickShows(cell)).toBe(true);
  });
}
