import { expect, type Locator, type Page } from '@playwright/test';
import { selector, test } from './selectorHelpers.ts';
import type { SelectedAsset } from '../src/core/types.ts';

/**
 * The whole job by keyboard alone, on the project's plain host page (either build): search →
 * filter (a facet) → select a card → open the editor → change a control → Apply → Select,
 * counting the Tab presses between steps. The budget from the search field to the results is 3.
 */

test.describe.configure({ timeout: 60_000 });

/** Whether `target` (or something inside it) has the focus, looking into shadow roots. */
function holdsFocus(target: Locator): Promise<boolean> {
  return target.evaluate((el) => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active !== null && (active === el || el.contains(active));
  });
}

/** Presses `key` until `target` holds the focus; the number of presses (fails past `max`). */
async function pressUntil(page: Page, key: 'Tab' | 'Shift+Tab', target: Locator, max = 20): Promise<number> {
  for (let presses = 1; presses <= max; presses++) {
    await page.keyboard.press(key);
    if (await holdsFocus(target)) return presses;
  }
  throw new Error(`${key} × ${max} never reached ${target.toString()}`);
}

test('search → filter → select → edit → Apply → Select, by keyboard, with the Tab presses counted', async ({ page, hostPage }) => {
  await page.goto(hostPage);
  const s = selector(page);
  await expect(s.status).toHaveText(/^\d+ assets found$/);
  const tabs: Record<string, number> = {};

  // Search: the field is the first thing a person types into.
  await s.searchbox.focus();
  const answered = page.waitForResponse((r) => r.url().endsWith('/adobe/assets/search') && (r.request().postData() ?? '').includes('"kite"'));
  await page.keyboard.type('kite');
  await answered;
  await expect(s.status).toHaveText('2 assets found');

  // The results: at most 3 Tab presses away (Sort, View, results), and ArrowDown goes there at once.
  tabs['search → results'] = await pressUntil(page, 'Tab', s.grid);
  expect(tabs['search → results']).toBeLessThanOrEqual(3);
  await s.searchbox.focus();
  await page.keyboard.press('ArrowDown');
  await expect(s.cells.first()).toBeFocused();

  // Filter: the Type group is one tab stop; Space checks Image, the video drops out.
  const typeGroup = s.root.getByRole('group', { name: 'Type' });
  tabs['results → Type filter'] = await pressUntil(page, 'Tab', typeGroup);
  await expect(typeGroup.getByRole('checkbox', { name: 'Image' })).toBeFocused();
  await page.keyboard.press('Space');
  await expect(typeGroup.getByRole('checkbox', { name: 'Image' })).toBeChecked();
  await expect(s.status).toHaveText('1 asset found');
  // Each facet group is one stop: the next Tab leaves the group.
  await page.keyboard.press('Tab');
  expect(await holdsFocus(typeGroup)).toBe(false);
  await page.keyboard.press('Shift+Tab');
  await expect(typeGroup.getByRole('checkbox', { name: 'Image' })).toBeFocused();

  // Select: back to the results, Space on the card.
  tabs['Type filter → results'] = await pressUntil(page, 'Shift+Tab', s.grid);
  const kite = s.cell('Kite over the hills');
  await expect(kite).toBeFocused();
  await page.keyboard.press('Space');
  await expect(kite).toHaveAttribute('aria-selected', 'true');

  // Edit: the details panel's Edit button comes right after the results.
  const edit = s.root.getByRole('region', { name: 'Details' }).getByRole('button', { name: 'Edit' });
  tabs['results → Edit'] = await pressUntil(page, 'Tab', edit);
  await page.keyboard.press('Enter');
  const editor = page.getByRole('region', { name: 'Edit image' }).or(page.getByRole('dialog', { name: 'Edit image' }));
  await expect(editor).toBeVisible();

  // Change a control: Width 400.
  const width = editor.getByRole('spinbutton', { name: 'Width', exact: true });
  tabs['editor → Width'] = await pressUntil(page, 'Tab', width);
  await page.keyboard.type('400');
  await expect(width).toHaveValue('400');

  // Apply: the editor closes.
  const apply = editor.getByRole('button', { name: 'Apply', exact: true });
  tabs['Width → Apply'] = await pressUntil(page, 'Tab', apply, 40);
  await page.keyboard.press('Enter');
  await expect(editor).toHaveCount(0);

  // Select (confirm): the host receives the kite, 400 px wide.
  tabs['after Apply → Select'] = await pressUntil(page, 'Tab', s.selectButton, 30);
  await page.keyboard.press('Enter');
  const received = page.locator('.received');
  await expect(received.getByRole('status')).toHaveText('onSelect received 1 asset');
  const assets = JSON.parse((await received.locator('pre').textContent()) ?? '[]') as SelectedAsset[];
  expect(assets).toHaveLength(1);
  expect(assets[0]).toMatchObject({ title: 'Kite over the hills', kind: 'image', modifiers: { width: '400' } });
  expect(new URL(assets[0]!.url).searchParams.get('width')).toBe('400');

  test.info().annotations.push({ type: 'tab presses', description: JSON.stringify(tabs) });
  console.log(`keyboard path, Tab presses: ${JSON.stringify(tabs)}`);
});
