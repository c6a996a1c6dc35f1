import { expect } from '@playwright/test';
import { HOST_PAGES, hostPageUrl, selector, skipHost, test, watchEveryRoot, type EveryRoot } from './selectorHelpers.ts';

/**
 * The selector's stylesheet applies before anything in it is styled or measured. Were it added
 * after the first style and layout (the React component adopted it in a layout effect, which runs
 * after those of its children: the layout and the grid had read their sizes unstyled), every
 * button would start a colour transition as the sheet arrived, and the whole selector would be
 * styled and laid out twice.
 */
for (const host of HOST_PAGES) {
  test.describe(host.name, () => {
    skipHost(host);
    test('no style transition runs as the selector mounts: it is styled from its first style and layout', async ({ page, hostPage }) => {
      await watchEveryRoot(page);
      await page.addInitScript(() => {
        const w = window as unknown as { transitions: string[] } & EveryRoot;
        w.transitions = [];
        w.eachRoot((root) =>
          root.addEventListener('transitionrun', (event) => w.transitions.push(`${(event.target as Element).className} ${(event as TransitionEvent).propertyName}`), true),
        );
      });
      await page.goto(hostPageUrl(host, hostPage));
      const s = selector(page);
      await expect(s.status).toHaveText(/\d+ assets found/);
      await expect(s.grid.getByRole('gridcell').first()).toBeVisible();
      expect(await page.evaluate(() => (window as unknown as { transitions: string[] }).transitions)).toEqual([]);
    });
  });
}
