import { expect, type Locator, type Page } from '@playwright/test';
import { search, selector, test } from './selectorHelpers.ts';

/**
 * /demo/hostile/: global styles as aggressive as a real authoring tool's (`* { font: 30px serif
 * !important }`, `button { all: unset }`, `div { padding: 7px }`, red-framed grey images, magenta
 * inputs, content-box and letter-spacing everywhere). Inside the selectors none of it applies;
 * three selectors keep their own state, requests and selections; a modal one opens above the
 * host's own modal dialog and its z-index 2147483000 overlay.
 */
test.skip(({ build }) => build !== 'script-tag', 'the hostile page loads the script tag');

/** The German selector's parts by its German names. */
function german(page: Page) {
  const root = page.locator('#picker-de').getByRole('region', { name: 'Asset-Auswahl' });
  return {
    root,
    searchbox: root.getByRole('searchbox', { name: 'Assets durchsuchen' }),
    grid: root.getByRole('grid', { name: 'Assets' }),
    status: root.getByRole('status').filter({ hasText: /Asset|Suche/ }),
    selectButton: root.getByRole('button', { name: /^Auswählen\b/ }),
  };
}

/** Computed styles inside a selector: what the page's stylesheet would have changed. */
function computed(root: Locator) {
  return root.evaluate((section) => {
    const style = (selector: string) => {
      const el = selector === ':scope' ? section : section.querySelector(selector)!;
      const s = getComputedStyle(el);
      return { fontSize: s.fontSize, fontFamily: s.fontFamily, letterSpacing: s.letterSpacing, boxSizing: s.boxSizing, padding: s.padding, background: s.backgroundColor, border: s.borderTopWidth, borderColor: s.borderTopColor, filter: s.filter, cursor: s.cursor, display: s.display };
    };
    return { root: style(':scope'), input: style('input[type="search"]'), button: style('button'), img: style('[role="gridcell"] img'), div: style('.as-toolbar') };
  });
}

test('inside each selector the host page’s styles do not apply, every control is clickable, and three selectors keep their own state and selections', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto('/demo/hostile/');
  const en = selector(page.locator('#picker-en'));
  const de = german(page);
  const element = selector(page.locator('#element'));
  for (const s of [en, de, element]) await expect(s.status).toHaveText(/\d/);
  await expect(en.root.locator('[role="gridcell"] img').first()).toBeVisible();
  await expect(de.root.locator('[role="gridcell"] img').first()).toBeVisible();
  await expect(element.root.locator('[role="gridcell"] img').first()).toBeVisible();

  // The page's own elements are as hostile as it says (so the test below means something).
  const hostInput = await page.evaluate(() => {
    const p = getComputedStyle(document.querySelector('p')!);
    return { fontSize: p.fontSize, letterSpacing: p.letterSpacing };
  });
  expect(hostInput).toEqual({ fontSize: '30px', letterSpacing: '3px' });

  for (const root of [en.root, de.root, element.root]) {
    const styles = await computed(root);
    expect(styles.root.fontSize).toBe('13px');
    expect(styles.root.fontFamily).not.toMatch(/^serif$/);
    expect(styles.root.letterSpacing).toBe('normal');
    expect(styles.root.boxSizing).toBe('border-box');
    expect(styles.input.fontSize).toBe('13px');
    expect(styles.input.letterSpacing).toBe('normal');
    expect(styles.input.boxSizing).toBe('border-box');
    expect(styles.input.background).not.toBe('rgb(255, 0, 255)');
    expect(styles.button.display).not.toBe('inline');
    expect(styles.button.cursor).toBe('pointer');
    expect(styles.img.border).toBe('0px');
    expect(styles.img.filter).toBe('none');
    expect(styles.div.padding).not.toBe('7px');
  }

  // Each selector its own searches: typing in one sends one request and changes only that one.
  const deBefore = await de.status.textContent();
  const elementBefore = await element.status.textContent();
  const searches: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/adobe/assets/search')) searches.push(request.postData() ?? '');
  });
  await search(en, 'kite', /^2 assets found$/);
  expect(searches.filter((body) => body.includes('kite'))).toHaveLength(1);
  expect(await de.status.textContent()).toBe(deBefore);
  expect(await element.status.textContent()).toBe(elementBefore);
  await expect(de.searchbox).toHaveValue('');

  // Every control: the filter toggle, sort, view, a filter, the search field, cells, Select.
  for (const root of [en.root, de.root, element.root]) {
    const buttons = root.locator('.as-toolbar button');
    for (let i = 0; i < (await buttons.count()); i++) {
      await buttons.nth(i).click();
      await buttons.nth(i).click();
    }
  }
  await en.cell(/kite/i).first().click();
  await de.root.locator('[role="gridcell"][data-kind="image"]').nth(1).click();
  await element.root.locator('[role="gridcell"][data-kind="image"]').nth(2).click();
  await element.root.locator('[role="gridcell"][data-kind="image"]').nth(3).click();
  await en.selectButton.click();
  await de.selectButton.click();
  await element.selectButton.click();

  const received = await page.evaluate(() =>
    Object.fromEntries(['en', 'de', 'element'].map((id) => [id, document.getElementById(`received-${id}`)!.textContent!.split(' ').filter(Boolean)])),
  );
  expect(received.en).toHaveLength(1);
  expect(received.de).toHaveLength(1);
  expect(received.element).toHaveLength(2);
  const all = [...received.en!, ...received.de!, ...received.element!];
  expect(new Set(all).size).toBe(4);
  for (const url of all) expect(url).toMatch(/\/adobe\/assets\/urn:aaid:aem:/);
  expect(errors).toEqual([]);
});

test('a modal selector opens above the host’s own modal dialog and overlay, and is usable there', async ({ page }) => {
  await page.goto('/demo/hostile/');
  await page.getByRole('button', { name: 'Open the host’s modal'.replace('’', "'") }).click();
  const hostDialog = page.getByRole('dialog', { name: 'Host dialog' });
  await expect(hostDialog).toBeVisible();
  await hostDialog.getByRole('button', { name: 'Choose an asset' }).click();

  const s = selector(page, 'dialog');
  await expect(s.status).toHaveText(/assets found/);
  // On top: what is under the dialog's centre is the selector (inside its shadow roots), not the host's dialog or overlay.
  const box = (await s.root.boundingBox())!;
  const onTop = await page.evaluate(({ x, y }) => {
    let el: Element | null = document.elementFromPoint(x, y);
    while (el?.shadowRoot) {
      const inner: Element | null = el.shadowRoot.elementFromPoint(x, y);
      if (!inner || inner === el) break;
      el = inner;
    }
    return el?.closest('dialog')?.getAttribute('aria-label');
  }, { x: box.x + box.width / 2, y: box.y + box.height / 2 });
  expect(onTop).toBe('Asset selector');
  await s.searchbox.fill('kite');
  await expect(s.status).toHaveText('2 assets found');
  await s.cells.first().click();
  await s.selectButton.click();
  await expect(s.root).toBeHidden();
  await expect(page.locator('#received-modal')).toHaveText(/\/adobe\/assets\/urn:aaid:aem:/);
  // The host's dialog is still open underneath, as the host left it.
  await expect(hostDialog).toBeVisible();
});
