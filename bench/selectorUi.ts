import type { Locator, Page } from '@playwright/test';

/** The sample catalog's kite: a landscape JPEG with smart crops, the editor benchmarks' subject. */
const KITE = 'Kite over the hills';

/** The selector's root region, by the accessible names every build shares. */
export function selectorRoot(page: Page): Locator {
  return page.getByRole('region', { name: 'Asset selector' });
}

/** Searches for the kite, selects it by keyboard and opens the image editor from the tray. */
export async function openEditorOnKite(page: Page): Promise<Locator> {
  const root = selectorRoot(page);
  await root.getByRole('searchbox', { name: 'Search assets' }).fill(KITE);
  await root.getByRole('status').filter({ hasText: /^1 asset found$/ }).waitFor({ timeout: 20_000 });
  const cell = root.getByRole('grid', { name: 'Assets' }).getByRole('gridcell', { name: new RegExp(`^${KITE}`) });
  await cell.focus();
  await page.keyboard.press('Space');
  await root.getByRole('region', { name: 'Selected assets' }).getByRole('listitem').filter({ hasText: KITE }).getByRole('button', { name: 'Edit' }).click();
  const editor = page.getByRole('region', { name: 'Edit image' }).or(page.getByRole('dialog', { name: 'Edit image' }));
  await editor.waitFor({ timeout: 20_000 });
  return editor;
}

/** Opens the advanced query editor (the other part loaded on first use). */
export async function openAdvancedQuery(page: Page): Promise<void> {
  await selectorRoot(page).getByRole('button', { name: 'Advanced', exact: true }).click();
  await page.getByRole('region', { name: 'Advanced query' }).waitFor({ timeout: 20_000 });
}
