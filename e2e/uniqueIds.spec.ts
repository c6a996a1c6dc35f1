import { expect, type Locator } from '@playwright/test';
import { test } from './selectorHelpers.ts';

/**
 * Labels, descriptions and controlled panels point at ids (`for`, `aria-labelledby`,
 * `aria-describedby`, `aria-controls`). With several selectors on one page, each id must exist once
 * and each reference must land in its own selector: Preact's `useId` numbers ids per render root,
 * so without the script-tag build's page-wide `useId` the second selector's labels pointed into
 * the first. Four selectors here: two mounted in the page, two `<asset-selector>`s in shadow roots.
 */
test('with four selectors on one page, every id is unique and every label, description and control points into its own selector', async ({ page, hostPage }) => {
  await page.goto(hostPage);
  await page.evaluate(() => {
    const api = (window as unknown as { AssetSelector: { mount(el: Element, o: object): unknown } }).AssetSelector;
    const second = document.createElement('div');
    second.style.height = '800px';
    document.body.append(second);
    api.mount(second, { repository: location.origin, selectionType: 'multiple' });
    for (let i = 0; i < 2; i++) {
      const element = document.createElement('asset-selector') as HTMLElement & { repository: string };
      element.style.cssText = 'display: block; height: 800px';
      element.setAttribute('selection-type', 'multiple');
      element.repository = location.origin;
      document.body.append(element);
    }
  });
  const selectors = page.getByRole('region', { name: 'Asset selector' });
  await expect(selectors).toHaveCount(4);

  // Open what carries ids in each: the filters are open at this width; the advanced query with a
  // condition in every one; the image editor in one of each kind, the details panel in the others.
  for (let i = 0; i < 4; i++) {
    const root = selectors.nth(i);
    await expect(root.getByRole('status').filter({ hasText: /assets found/ })).toBeVisible();
    await root.getByRole('button', { name: 'Advanced', exact: true }).click();
    await root.getByRole('button', { name: 'Add condition' }).click();
    const image = root.locator('[role="gridcell"][data-kind="image"]').first();
    await image.click();
    await expect(image).toHaveAttribute('aria-selected', 'true');
    if (i % 2 === 0) await openEditor(root);
    else await expect(root.getByRole('region', { name: 'Details' })).toBeVisible();
  }

  const report = await page.evaluate(() => {
    // Every root, nested ones included: mount() renders into a shadow root, inside the element's own for <asset-selector>.
    const roots: Array<Document | ShadowRoot> = [document];
    for (let i = 0; i < roots.length; i++) for (const el of roots[i]!.querySelectorAll('*')) if (el.shadowRoot) roots.push(el.shadowRoot);
    // The selector an element belongs to: the shadow root's host, or the mount container.
    const selectorOf = (el: Element): Element | null => {
      const root = el.getRootNode();
      return root instanceof ShadowRoot ? root.host : el.closest('[data-asset-selector-mount]');
    };
    const seen = new Map<string, number>();
    for (const root of roots) for (const el of root.querySelectorAll('[id]')) seen.set(el.id, (seen.get(el.id) ?? 0) + 1);
    const problems: string[] = [];
    const owners = new Set<Element>();
    let references = 0;
    for (const root of roots) {
      for (const el of root.querySelectorAll('[for], [aria-labelledby], [aria-describedby], [aria-controls]')) {
        const owner = selectorOf(el);
        if (!owner) continue;
        owners.add(owner);
        for (const attribute of ['for', 'aria-labelledby', 'aria-describedby', 'aria-controls']) {
          for (const id of el.getAttribute(attribute)?.split(/\s+/).filter(Boolean) ?? []) {
            references++;
            const target = root.getElementById(id);
            if (!target) problems.push(`${attribute}="${id}" on <${el.localName}>: no such element in its root`);
            else if (selectorOf(target) !== owner) problems.push(`${attribute}="${id}" on <${el.localName}> points into another selector`);
          }
        }
      }
    }
    return { duplicates: [...seen].filter(([, n]) => n > 1).map(([id, n]) => `${id} × ${n}`), problems, references, owners: owners.size, ids: seen.size };
  });
  expect(report.duplicates).toEqual([]);
  expect(report.problems).toEqual([]);
  expect(report.owners).toBe(4);
  // Each selector's search box, sort, filters, advanced query, and details or editor fields.
  expect(report.references).toBeGreaterThan(60);
});

async function openEditor(root: Locator): Promise<void> {
  await root.getByRole('region', { name: 'Selected assets' }).getByRole('button', { name: 'Edit' }).click();
  await expect(root.getByRole('region', { name: 'Edit image' })).toBeVisible();
  await expect(root.getByRole('spinbutton', { name: 'Width' })).toBeVisible();
}
