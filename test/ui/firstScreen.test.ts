// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { normalizeAsset } from '../../src/core/normalizeAsset.ts';
import { thumbnailSources } from '../../src/core/srcset.ts';
import type { AssetHit, SearchResponse } from '../../src/core/types.ts';
import { validateOptions } from '../../src/core/validateOptions.ts';
import { createSelectorStore } from '../../src/store/createSelectorStore.ts';
import { firstScreenOf } from '../../src/ui/firstScreen.ts';
import { gridLayout } from '../../src/ui/gridLayout.ts';

const REPOSITORY = 'https://delivery-p1-e1.adobeaemcloud.com';
let run = 0;

/** A page of `count` hits; `kinds` overrides some hits' format, `restricted` marks some with `dam:roles`. */
function page(count: number, { kinds = {}, restricted = [] }: { kinds?: Record<number, string>; restricted?: number[] } = {}): SearchResponse {
  run++;
  const hit = (n: number): AssetHit => ({
    assetId: `urn:aaid:aem:${run}-${n}`,
    repositoryMetadata: { 'repo:name': `photo-${n}.jpg`, 'dc:format': kinds[n] ?? 'image/jpeg', 'repo:size': 100_000 },
    assetMetadata: { 'dc:title': `Photo ${n}`, 'tiff:ImageWidth': 2400, 'tiff:ImageLength': 1600, ...(restricted.includes(n) ? { 'dam:roles': ['editors'] } : {}) },
  });
  return { hits: { results: Array.from({ length: count }, (_, i) => hit(i)) }, search_metadata: { count, totalCount: { total: count, relation: 'eq' } } };
}

/** A selector's first screen, and the images it asks the document for (jsdom loads none). */
function setUp() {
  const store = createSelectorStore(validateOptions({ repository: REPOSITORY }));
  const doc = document.implementation.createHTMLDocument();
  const pane = doc.body.appendChild(doc.createElement('div'));
  const images: HTMLImageElement[] = [];
  const create = doc.createElement.bind(doc);
  doc.createElement = ((name: string) => {
    const element = create(name);
    if (element instanceof HTMLImageElement) images.push(element);
    return element;
  }) as typeof doc.createElement;
  return { store, screen: firstScreenOf(store), pane, images };
}

/** What the grid's card for hit `n` of `response` shows, in a pane `width` wide (AssetThumbnail). */
function cardSources(response: SearchResponse, n: number, width: number) {
  const { thumbWidth } = gridLayout(width, 'grid');
  return thumbnailSources(normalizeAsset(response.hits.results[n]!), thumbWidth, 1, { repository: REPOSITORY, format: 'avif' })!;
}

describe("a search's first screen of thumbnails, requested as its first page arrives", () => {
  it('requests what the first screen of cards will show, in order, with the sources the cards use', () => {
    const { screen, pane, images } = setUp();
    screen.shown({ width: 1000, height: 600 }, pane, true);
    const response = page(48);
    screen.arrived(response);
    // 1000 px: five cards a row, 199 px rows; 600 px show three rows, and one more is rendered below.
    expect(gridLayout(1000, 'grid')).toMatchObject({ columns: 5, rowHeight: 199 });
    expect(images).toHaveLength(4 * 5);
    images.forEach((img, n) => {
      const card = cardSources(response, n, 1000);
      expect({ src: img.getAttribute('src'), srcset: img.getAttribute('srcset'), sizes: img.getAttribute('sizes') }).toEqual({ src: card.src, srcset: card.srcSet, sizes: card.sizes });
    });
    expect(images[0]!.getAttribute('src')).toMatch(/^https:\/\/delivery-p1-e1\.adobeaemcloud\.com\/adobe\/assets\/urn:aaid:aem:\d+-0\/as\/photo-0\.avif\?width=240&quality=80$/);
  });

  it('waits for the pane to be measured (the script-tag build hides it until its stylesheet is in)', () => {
    const { screen, pane, images } = setUp();
    const hidden = screen.shown({ width: 0, height: 0 }, pane, true);
    screen.arrived(page(48));
    expect(images).toHaveLength(0);
    // Laid out: the pane reports its size again.
    hidden();
    screen.shown({ width: 1000, height: 200 }, pane, true);
    // One row in view, one below.
    expect(images).toHaveLength(10);
  });

  it('requests nothing for a page the grid renders itself, or when no results pane is shown', () => {
    const { screen, pane, images } = setUp();
    screen.arrived(page(48));
    const hidden = screen.shown({ width: 0, height: 0 }, pane, true);
    screen.arrived(page(48));
    // Unmeasured until the grid came with it: the grid shows that page itself.
    hidden();
    const hide = screen.shown({ width: 1000, height: 600 }, pane, false);
    expect(images).toHaveLength(0);
    // A grid showing its own search's results, checked again (a selector mounted again shows the last ones).
    screen.arrived(page(48));
    expect(images).toHaveLength(0);
    hide();
    screen.arrived(page(48));
    expect(images).toHaveLength(0);
  });

  it('skips restricted images (their cards fetch them with the token) and what has no picture', () => {
    const { screen, pane, images } = setUp();
    // The grid, still showing the previous search's results.
    screen.shown({ width: 1000, height: 200 }, pane, true);
    const response = page(10, { kinds: { 1: 'application/pdf' }, restricted: [2] });
    screen.arrived(response);
    const asked = images.map((img) => img.getAttribute('src'));
    expect(asked).toHaveLength(8);
    const idOf = (n: number) => `/${response.hits.results[n]!.assetId}/`;
    expect(asked.filter((src) => src!.includes(idOf(1)) || src!.includes(idOf(2)))).toEqual([]);
    expect(asked[1]).toContain(idOf(3));
  });

  it('lets go of its requests once the cards are shown: those still loading lose their sources, and all leave the page', () => {
    const { screen, pane, images } = setUp();
    screen.shown({ width: 1000, height: 200 }, pane, true);
    screen.arrived(page(10));
    // In a hidden element in the pane (an image that chose from a srcset outside any document is never freed in Chromium).
    expect([...pane.querySelectorAll('img')]).toEqual(images);
    expect(images[0]!.parentElement!.hidden).toBe(true);
    expect(images.every((img) => img.hasAttribute('src') && img.hasAttribute('srcset'))).toBe(true);
    screen.release();
    expect(pane.querySelectorAll('img')).toHaveLength(0);
    // jsdom loads nothing: every one was still loading.
    expect(images.some((img) => img.hasAttribute('src') || img.hasAttribute('srcset'))).toBe(false);
  });

  it('gives the grid the size the skeletons measured, so its first render has its rows', () => {
    const { screen, pane } = setUp();
    screen.shown({ width: 812, height: 455 }, pane, true);
    expect(screen.size).toEqual({ width: 812, height: 455 });
    // A selector that has measured nothing starts at the page's last pane.
    expect(setUp().screen.size).toEqual({ width: 812, height: 455 });
  });
});
