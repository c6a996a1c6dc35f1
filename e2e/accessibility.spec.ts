import AxeBuilder from '@axe-core/playwright';
import { expect } from '@playwright/test';
import { selector, test } from './selectorHelpers.ts';

// axe walks the whole tree in the page's main thread: seconds on an idle machine, and past the
// default 30 s when the two cores are shared with other runs.
test.describe.configure({ timeout: 120_000 });

test('axe finds no serious or critical violations on the plain host page with results shown', async ({ page, hostPage }) => {
  await page.goto(hostPage);
  const s = selector(page);
  await expect(s.status).toHaveText(/assets found/);
  await expect(s.cells.first()).toBeVisible();
  const { violations } = await new AxeBuilder({ page }).analyze();
  const blocking = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  expect(blocking, JSON.stringify(blocking, null, 2)).toEqual([]);
});

test('axe finds no serious or critical violations in the image editor', async ({ page, hostPage }) => {
  await page.goto(hostPage);
  const s = selector(page);
  await expect(s.cells.first()).toBeVisible();
  await s.cells.filter({ hasText: 'Kite over the hills' }).click();
  await page.getByRole('region', { name: 'Selected assets' }).getByRole('button', { name: 'Edit' }).click();
  const editor = page.getByRole('region', { name: 'Edit image' });
  await expect(editor).toBeVisible();
  // The crop area is one named, keyboard-operable control.
  await expect(editor.getByRole('group', { name: 'Crop', exact: true })).toBeVisible();
  await expect(editor.getByRole('img', { name: 'Preview' })).toBeVisible();
  const { violations } = await new AxeBuilder({ page }).include({ fromShadowDom: ['#picker [data-asset-selector-mount]', '.as-editor'] }).analyze();
  const blocking = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  expect(blocking, JSON.stringify(blocking, null, 2)).toEqual([]);
});
