import { expect } from '@playwright/test';
import { selector, test } from './selectorHelpers.ts';

/**
 * /demo/csp/ is served with `default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'
 * <repository>; connect-src <repository>`. The selector (mounted, and as an element), its editor
 * included, works there with no `securitypolicyviolation` event and no CSP message in the console.
 */
test.skip(({ build }) => build !== 'script-tag', 'the page loads the script tag');

test('under a strict Content-Security-Policy the selector and its editor work with zero policy violations', async ({ page, baseURL }) => {
  const consoleProblems: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) consoleProblems.push(message.text());
  });
  const response = await page.goto('/demo/csp/');
  const policy = response!.headers()['content-security-policy'];
  expect(policy).toBe(`default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' ${baseURL}; connect-src ${baseURL}`);

  const s = selector(page.locator('#picker'));
  await expect(s.status).toHaveText(/assets found/);
  // Styled: the linked sheet applied inside the shadow root (13 px, our font), not the UA's defaults.
  expect(await s.root.evaluate((el) => getComputedStyle(el).fontSize)).toBe('13px');
  const element = selector(page.locator('#element'));
  await expect(element.status).toHaveText(/assets found/);
  await expect(s.root.locator('[role="gridcell"] img').first()).toBeVisible();

  // The editor: preview, smart-crop swatches, a change, Apply, Select.
  await s.searchbox.fill('kite');
  await expect(s.status).toHaveText('2 assets found');
  await s.root.locator('[role="gridcell"][data-kind="image"]').first().click();
  await s.root.getByRole('region', { name: 'Selected assets' }).getByRole('button', { name: 'Edit' }).click();
  const editor = s.root.getByRole('region', { name: 'Edit image' });
  await expect(editor.getByRole('img', { name: 'Preview' })).toBeVisible();
  await expect(editor.getByRole('radio', { name: 'Square' })).toBeVisible();
  await editor.getByRole('spinbutton', { name: 'Width' }).fill('400');
  await expect(editor.locator('figcaption')).toContainText('400 ×');
  await editor.getByRole('button', { name: 'Apply' }).click();
  await s.selectButton.click();
  await expect(page.locator('#received')).toHaveText(/width=400/);
  // The advanced query too.
  await s.root.getByRole('button', { name: 'Advanced', exact: true }).click();
  await expect(s.root.getByRole('button', { name: 'Add condition' })).toBeVisible();
  // A modal: the <dialog> and its backdrop.
  await page.evaluate(() => (window as unknown as { picker: { update(o: object): void; open(): void } }).picker.update({ mode: 'modal' }));
  await page.evaluate(() => (window as unknown as { picker: { open(): void } }).picker.open());
  await expect(selector(page, 'dialog').status).toHaveText(/assets found/);

  expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);
  expect(consoleProblems).toEqual([]);
});
