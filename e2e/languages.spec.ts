import { expect } from '@playwright/test';
import { CATALOG_LANGUAGES } from '../src/i18n/catalogLanguages.ts';
import { messagesAr } from '../src/i18n/messages.ar.ts';
import { messagesDe } from '../src/i18n/messages.de.ts';
import type { Messages } from '../src/i18n/messages.en.ts';
import { messagesEs } from '../src/i18n/messages.es.ts';
import { messagesFr } from '../src/i18n/messages.fr.ts';
import { messagesJa } from '../src/i18n/messages.ja.ts';
import { test } from './selectorHelpers.ts';

const CATALOGS: Record<string, Messages> = { de: messagesDe, fr: messagesFr, es: messagesEs, ja: messagesJa, ar: messagesAr };

test('every catalog loads on first use: a selector per language speaks it, from a chunk (ESM) or a JSON file beside the script', async ({ page, hostPage, build }) => {
  const loaded: string[] = [];
  page.on('response', (response) => {
    const match = /\/(?:i18n\/(\w+)\.json|messages\.(\w+)-[\w-]+\.js)$/.exec(new URL(response.url()).pathname);
    if (match && response.ok()) loaded.push(match[1] ?? match[2]!);
  });
  await page.goto(hostPage);
  await page.evaluate((languages) => {
    const api = (window as unknown as { AssetSelector: { mount(el: Element, o: object): unknown } }).AssetSelector;
    for (const language of languages) {
      const host = document.createElement('div');
      host.style.height = '480px';
      document.body.append(host);
      api.mount(host, { repository: location.origin, locale: language });
    }
  }, [...CATALOG_LANGUAGES]);
  expect(Object.keys(CATALOGS).sort()).toEqual([...CATALOG_LANGUAGES].sort());
  for (const [language, messages] of Object.entries(CATALOGS)) {
    const region = page.getByRole('region', { name: messages.selector, exact: true });
    await expect(region, language).toBeVisible();
    await expect(region.getByRole('searchbox', { name: messages.searchLabel, exact: true })).toBeVisible();
    await expect(region).toHaveAttribute('lang', new RegExp(`^${language}`));
  }
  expect([...new Set(loaded)].sort()).toEqual([...CATALOG_LANGUAGES].sort());
  if (build === 'script-tag') {
    expect(await page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname).filter((p) => p.includes('/i18n/')).sort())).toEqual(
      CATALOG_LANGUAGES.map((language) => `/dist/i18n/${language}.json`).sort(),
    );
  }
});
