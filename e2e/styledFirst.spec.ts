import { expect } from '@playwright/test';
import { selector, test } from './selectorHelpers.ts';

/**
 * The selector's stylesheet applies before anything in it is styled or measured. Were it added
 * after the first style and layout (the React component adopted it in a layout effect, which runs
 * after those of its children: the layout and the grid had read their sizes unstyled), every
 * button would start a colour transition as the sheet arrived, and the whole selector would be
 * styled and laid out twice.
 */
for (const host of [{ name: 'plain page', reactApp: false }, { name: 'React app (the component)', reactApp: true }] as const) test(`${host.name}: no style transition runs as the selector mounts, it is styled from its first style and layout`, async ({ page, hostPage, build }) => {
  test.skip(host.reactApp && build !== 'react-esm', 'the React app embeds the ESM build');
  await page.addInitScript(() => {
    const w = window as unknown as { transitions: string[] };
    w.transitions = [];
    const listen = (root: Node) =>
      root.addEventListener('transitionrun', (event) => w.transitions.push(`${(event.target as Element).className} ${(event as TransitionEvent).propertyName}`), true);
    const attach = Element.prototype.attachShadow;
    Element.prototype.attachShadow = function (this: Element, init: ShadowRootInit) {
      const root = attach.call(this, init);
      listen(root);
      return root;
    };
    listen(document);
  });
  await page.goto(host.reactApp ? '/dist/demo/react/' : hostPage);
  const s = selector(page);
  await expect(s.status).toHaveText(/\d+ assets found/);
  await expect(s.grid.getByRole('gridcell').first()).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { transitions: string[] }).transitions)).toEqual([]);
});
