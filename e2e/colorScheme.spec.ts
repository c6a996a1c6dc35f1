import { expect } from '@playwright/test';
import { test } from './selectorHelpers.ts';

// The dark colours are declared once in the stylesheet and switched on for `colorScheme: 'dark'`
// and for 'auto' on a dark system: both ways must paint the same dark background and text.
test('dark colours apply for colorScheme dark, and for auto when the system is dark', async ({ page, hostPage }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(hostPage);
  const mountAll = () =>
    page.evaluate(async () => {
      const api = (window as unknown as { AssetSelector: { mount(el: Element, o: object): unknown } }).AssetSelector;
      for (const colorScheme of ['light', 'dark', 'auto']) {
        const host = document.createElement('div');
        host.style.height = '480px';
        host.dataset.scheme = colorScheme;
        document.body.append(host);
        api.mount(host, { repository: location.origin, colorScheme });
      }
    });
  const painted = () =>
    page.evaluate(() =>
      Object.fromEntries(
        [...document.querySelectorAll<HTMLElement>('[data-scheme]')].map((host) => {
          const region = host.querySelector('[data-asset-selector-mount]')!.shadowRoot!.querySelector('section[aria-label="Asset selector"]')!;
          const style = getComputedStyle(region);
          return [host.dataset.scheme, { background: style.backgroundColor, text: style.color, scheme: style.colorScheme }];
        }),
      ),
    );
  await mountAll();
  await expect(page.locator('[data-scheme] section[aria-label="Asset selector"]')).toHaveCount(3);
  const light = { background: 'rgb(255, 255, 255)', text: 'rgb(29, 31, 35)', scheme: 'light' };
  const dark = { background: 'rgb(24, 25, 28)', text: 'rgb(236, 238, 241)', scheme: 'dark' };
  expect(await painted()).toEqual({ light, dark, auto: dark });

  await page.emulateMedia({ colorScheme: 'light' });
  expect(await painted()).toEqual({ light, dark, auto: light });
});
