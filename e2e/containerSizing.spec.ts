import { expect, type Page } from '@playwright/test';
import { selector, test } from './selectorHelpers.ts';

/**
 * The selector fills the element it is mounted in, exactly: never taller or wider, whatever the
 * viewport, with its results scrolling inside; what follows the element stays where the page put
 * it, and clickable. An element without a height gets 600 px and one console warning.
 */
const HEIGHTS = [360, 720, 1200];

async function buildPage(page: Page, hostPage: string): Promise<string[]> {
  const warnings: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'warning' && message.text().startsWith('asset-selector:')) warnings.push(message.text());
  });
  await page.goto(hostPage);
  await page.evaluate((heights) => {
    const w = window as unknown as { picker: { unmount(): void }; AssetSelector: { mount(el: Element, o: object): unknown }; clicks: string[] };
    w.picker.unmount();
    w.clicks = [];
    const main = document.createElement('main');
    main.id = 'sizing';
    document.body.replaceChildren(main);
    const add = (id: string, height: string | undefined, element = false) => {
      const box = document.createElement(element ? 'asset-selector' : 'div') as HTMLElement & { repository?: string };
      box.id = id;
      box.style.width = '900px';
      if (height) box.style.height = height;
      const after = document.createElement('button');
      after.type = 'button';
      after.textContent = `After ${id}`;
      after.addEventListener('click', () => w.clicks.push(id));
      main.append(box, after);
      if (element) box.repository = location.origin;
      else w.AssetSelector.mount(box, { repository: location.origin, selectionType: 'multiple' });
    };
    for (const height of heights) add(`c${height}`, `${height}px`);
    add('element720', '720px', true);
    add('auto', undefined);
    // The page is 2,000 px high at least, taller than the viewport.
    const spacer = document.createElement('div');
    spacer.style.height = '2000px';
    main.append(spacer);
  }, HEIGHTS);
  return warnings;
}

async function box(page: Page, id: string) {
  return page.evaluate((id) => {
    const r = document.getElementById(id)!.getBoundingClientRect();
    return { top: r.top + scrollY, left: r.left, width: r.width, height: r.height };
  }, id);
}

test('mounted into 360, 720 and 1,200 px, the selector fills each exactly, its results scroll inside, and the button after each stays clickable', async ({ page, hostPage }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const warnings = await buildPage(page, hostPage);
  for (const id of [...HEIGHTS.map((h) => `c${h}`), 'element720']) {
    const container = page.locator(`#${id}`);
    const s = selector(container);
    await expect(s.status).toHaveText(/assets found/);
    const outer = await box(page, id);
    const root = (await s.root.boundingBox())!;
    const rootTop = root.y + (await page.evaluate(() => scrollY));
    // The region is the container's box, to the pixel: not taller (it was the viewport's 900 px), not wider.
    expect(Math.abs(rootTop - outer.top), id).toBeLessThanOrEqual(1);
    expect(Math.abs(root.height - outer.height), id).toBeLessThanOrEqual(1);
    expect(Math.abs(root.width - outer.width), id).toBeLessThanOrEqual(1);
    // The footer's Select lies inside the container.
    await s.selectButton.scrollIntoViewIfNeeded();
    const select = (await s.selectButton.boundingBox())!;
    const scrolled = await page.evaluate(() => scrollY);
    expect(select.y + scrolled, id).toBeGreaterThanOrEqual(outer.top);
    expect(select.y + scrolled + select.height, id).toBeLessThanOrEqual(outer.top + outer.height + 0.5);
    // The results scroll inside the selector, not the page: the grid's scroller is shorter than its content.
    const scroller = await s.grid.evaluate((grid) => {
      let el: HTMLElement | null = grid as HTMLElement;
      while (el && el.scrollHeight <= el.clientHeight) el = el.parentElement;
      return el ? { scrollHeight: el.scrollHeight, clientHeight: el.clientHeight } : undefined;
    });
    expect(scroller, id).toBeDefined();
    expect(scroller!.clientHeight).toBeLessThan(outer.height);

    // The button right after the container: where the page put it, on top at its centre, and clickable.
    const after = page.getByRole('button', { name: `After ${id}` });
    await after.scrollIntoViewIfNeeded();
    const afterBox = (await after.boundingBox())!;
    expect(afterBox.y + (await page.evaluate(() => scrollY))).toBeGreaterThanOrEqual(outer.top + outer.height - 0.5);
    const onTop = await page.evaluate(({ x, y, label }) => document.elementFromPoint(x, y)?.textContent === label, {
      x: afterBox.x + afterBox.width / 2,
      y: afterBox.y + afterBox.height / 2,
      label: `After ${id}`,
    });
    expect(onTop, id).toBe(true);
    await page.click(`text=After ${id}`);
  }
  expect(await page.evaluate(() => (window as unknown as { clicks: string[] }).clicks)).toEqual(['c360', 'c720', 'c1200', 'element720']);

  // No height: 600 px, and one warning that says what to do.
  expect((await box(page, 'auto')).height).toBeCloseTo(600, 0);
  await expect(selector(page.locator('#auto')).status).toHaveText(/assets found/);
  expect(warnings).toHaveLength(1);
  expect(warnings[0]).toMatch(/<div id="auto"> has no height, so the selector is 600px high\. Give it a height/);
});

test('the size holds in a viewport taller than the page and in a short one', async ({ page, hostPage }) => {
  for (const height of [1800, 500]) {
    await page.setViewportSize({ width: 1280, height });
    await buildPage(page, hostPage);
    const s = selector(page.locator('#c720'));
    await expect(s.status).toHaveText(/assets found/);
    expect((await s.root.boundingBox())!.height).toBeCloseTo(720, 0);
  }
});
