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

test('formats, units and sizes as the language writes them, and the messages option over the catalog', async ({ page, hostPage }) => {
  await page.goto(hostPage);
  await page.evaluate(() => {
    const w = window as unknown as { picker: { unmount(): void }; AssetSelector: { mount(el: Element, o: object): { unmount(): void } } };
    w.picker.unmount();
    w.picker = w.AssetSelector.mount(document.querySelector('#picker')!, { repository: location.origin, locale: 'fr-FR', messages: { fr: { select: 'Prendre' } } });
  });
  const fr = CATALOGS.fr!;
  const region = page.getByRole('region', { name: fr.selector, exact: true });
  const status = region.getByRole('status').filter({ hasText: /ressource/ });
  await expect(status).toHaveText(/ressources trouvées$/);
  // The override, and the catalog around it.
  await expect(region.getByRole('button', { name: 'Prendre', exact: true })).toBeVisible();
  await expect(region.getByRole('button', { name: fr.cancel, exact: true })).toBeVisible();
  // The format facet names formats as people say them; the query still sends the MIME type.
  const formats = region.getByRole('group', { name: fr['filterGroup.format'], exact: true });
  // (A checkbox's name ends with its count: "JPEG 22".)
  await expect(formats.getByRole('checkbox', { name: /^JPEG \d+$/ })).toBeVisible();
  await expect(formats.getByRole('checkbox', { name: /^Vidéo MP4 \d+$/ })).toBeVisible();
  await expect(formats.getByRole('checkbox', { name: /^PDF \d+$/ })).toBeVisible();
  await expect(formats.getByText(/\//)).toHaveCount(0);
  const query = page.waitForRequest((r) => r.url().endsWith('/adobe/assets/search') && (r.postData() ?? '').includes('"video/mp4"'));
  await formats.getByRole('checkbox', { name: /^Vidéo MP4/ }).check();
  await query;
  await expect(status).toHaveText('1 ressource trouvée');
  // The size filter's unit as French abbreviates megabytes.
  await expect(region.getByLabel('Max. (Mo)', { exact: true })).toBeVisible();
  // The details panel: format name, size in French units.
  await region.getByRole('gridcell').first().click();
  const details = region.getByRole('region', { name: fr.details, exact: true });
  await expect(details.getByText('Vidéo MP4', { exact: true })).toBeVisible();
  await expect(details.getByText(/^\d+(,\d)?\u202f(ko|Mo)$/)).toBeVisible();
});
