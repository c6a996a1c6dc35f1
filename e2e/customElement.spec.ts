import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { search, selector } from './selectorHelpers.ts';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

test('<asset-selector> renders in its shadow root and fires select with detail.assets', async ({ page }) => {
  await page.goto('/demo/custom-element/');
  // The script-tag build's global, which also defined the element as it loaded.
  const global = await page.evaluate(() => {
    const api = (window as unknown as { AssetSelector: Record<string, unknown> }).AssetSelector;
    return { keys: Object.keys(api).sort(), version: api.version, defined: customElements.get('asset-selector') !== undefined };
  });
  expect(global).toEqual({ keys: ['SelectorError', 'defineAssetSelectorElement', 'mount', 'version'], version, defined: true });
  // Playwright's role queries pierce the open shadow root, as assistive technology does.
  const s = selector(page);
  await search(s, 'Kite over the hills', '1 asset found');
  // The script-tag build's stylesheet comes from beside the script, into the shadow roots only (the
  // element's, for its option errors, and the one mount() renders the selector into inside it):
  // adopted as a constructed sheet once the script's early load has brought it, linked before that.
  const styled = await page.locator('asset-selector').evaluate((el) => {
    const inner = el.shadowRoot?.querySelector('[data-asset-selector-mount]')?.shadowRoot;
    const links = [...(inner?.querySelectorAll<HTMLLinkElement>('link[data-asset-selector]') ?? [])];
    const adopted = inner?.adoptedStyleSheets ?? [];
    return {
      shadow: el.shadowRoot?.mode,
      links: [...new Set(links.map((link) => new URL(link.href).pathname))],
      rules: links.reduce((n, link) => n + (link.sheet?.cssRules.length ?? 0), 0) + adopted.reduce((n, sheet) => n + sheet.cssRules.length, 0),
      // In the document: nothing of ours (the script's early link leaves once loaded).
      documentStyles: document.querySelectorAll('[data-asset-selector], link[href$="/asset-selector.css"]').length,
    };
  });
  expect(styled).toMatchObject({ shadow: 'open', documentStyles: 0 });
  expect(styled.links.filter((path) => path !== '/dist/asset-selector.css')).toEqual([]);
  expect(styled.rules).toBeGreaterThan(50);

  const selected = page.locator('asset-selector').evaluate(
    (el) => new Promise<unknown>((done) => el.addEventListener('select', (event) => {
      const { detail, bubbles, composed } = event as CustomEvent<{ assets: unknown[] }>;
      done({ assets: detail.assets, bubbles, composed });
    }, { once: true })),
  );
  await s.cell('Kite over the hills').click();
  await expect(s.cell('Kite over the hills')).toHaveAttribute('aria-selected', 'true');
  await s.selectButton.click();

  const event = (await selected) as { assets: Array<{ title: string; url: string; kind: string }>; bubbles: boolean; composed: boolean };
  expect(event.bubbles && event.composed).toBe(true);
  expect(event.assets).toHaveLength(1);
  expect(event.assets[0]).toMatchObject({ title: 'Kite over the hills', kind: 'image' });
  // image-format="webp" on the element reached the payload.
  expect(event.assets[0]!.url).toMatch(/\/as\/kite\.webp(\?|$)/);
  await expect(page.locator('.received').getByRole('status')).toHaveText('select event received 1 asset');
});
