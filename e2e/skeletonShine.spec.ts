import { expect, type Locator } from '@playwright/test';
import { holdSearches, selector, test, watchEveryRoot, type EveryRoot } from './selectorHelpers.ts';

/**
 * The placeholders shown while the first page of results loads stay still for a moment, then a
 * shine passes over them, moved by `transform` (which the compositor animates: the page is not
 * repainted every frame). A search answered within that moment shows no animation at all: on a
 * cold start in React, the root listener used to handle an `animationstart` per placeholder
 * before the results could render. With reduced motion, nothing moves.
 */

/** The shine of the first placeholder: its animations and where it is drawn (its ::after's transform). */
const shineOf = (placeholder: Locator) =>
  placeholder.evaluate((el) => ({
    animations: el.getAnimations({ subtree: true }).map((a) => {
      const effect = a.effect as KeyframeEffect;
      return { delay: Number(effect.getTiming().delay), running: a.playState === 'running', time: Number(a.currentTime), properties: [...new Set(effect.getKeyframes().flatMap((k) => Object.keys(k).filter((p) => !['offset', 'computedOffset', 'easing', 'composite'].includes(p))))], pseudo: effect.pseudoElement };
    }),
    transform: getComputedStyle(el, '::after').transform,
    display: getComputedStyle(el, '::after').display,
  }));

test('the placeholders wait a moment before they shine, and the shine moves by transform', async ({ page, hostPage }) => {
  const release = await holdSearches(page);
  await page.goto(hostPage);
  const placeholder = page.locator('.as-skeleton-thumb').first();
  await expect(placeholder).toBeVisible();
  await expect(selector(page).status).toHaveText(/Searching/);

  const first = await shineOf(placeholder);
  expect(first.animations.length).toBeGreaterThan(0);
  for (const animation of first.animations) {
    expect(animation).toMatchObject({ pseudo: '::after', properties: ['transform'] });
    expect(animation.delay).toBeGreaterThanOrEqual(300);
  }
  // Before it, the shine is outside the placeholder (translated by its whole width, clipped).
  if (first.animations[0]!.time < first.animations[0]!.delay) expect(first.transform).toMatch(/^matrix\(1, 0, 0, 1, -\d/);
  // Then it runs: its time goes past the delay, while the search still waits.
  await expect.poll(async () => (await shineOf(placeholder)).animations.every((a) => a.running && a.time > a.delay), { timeout: 5_000 }).toBe(true);

  release();
  await expect(selector(page).status).toHaveText(/\d+ assets found/);
  await expect(page.locator('.as-skeleton')).toHaveCount(0);
});

test('a search answered at once shows no animation at all', async ({ page, hostPage }) => {
  // The moment is counted from when the placeholders appear; the sample catalog answers in milliseconds.
  await watchEveryRoot(page);
  await page.addInitScript(() => {
    const w = window as unknown as { shineStarts: number } & EveryRoot;
    w.shineStarts = 0;
    w.eachRoot((root) => root.addEventListener('animationstart', () => w.shineStarts++, true));
  });
  await page.goto(hostPage);
  await expect(selector(page).status).toHaveText(/\d+ assets found/);
  await page.waitForTimeout(600);
  expect(await page.evaluate(() => (window as unknown as { shineStarts: number }).shineStarts)).toBe(0);
});

test('with reduced motion the placeholders do not shine', async ({ page, hostPage }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const release = await holdSearches(page);
  await page.goto(hostPage);
  const placeholder = page.locator('.as-skeleton-thumb').first();
  await expect(placeholder).toBeVisible();
  await page.waitForTimeout(600);
  expect(await shineOf(placeholder)).toMatchObject({ animations: [], display: 'none' });
  release();
  await expect(selector(page).status).toHaveText(/\d+ assets found/);
});
