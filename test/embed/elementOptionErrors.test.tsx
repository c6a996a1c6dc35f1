// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { defineAssetSelectorElement, type AssetSelectorElement } from '../../src/embed/assetSelectorElement.ts';
import { stubLayout } from '../ui/uiFixture.tsx';

/**
 * `<asset-selector>` with an option it cannot take, with the real mount(): the error is shown in
 * the element and reported once by an `error` event, nothing is thrown at the page, and fixing the
 * option brings the selector.
 */
const { url: repository } = inject('sharedEmulator');
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const reported: Error[] = [];
const uncaught: unknown[] = [];
const onReported = (event: Event) => {
  if (event instanceof CustomEvent && (event.target as Element).localName === 'asset-selector') reported.push(event.detail.error);
};
const onUncaught = (event: ErrorEvent) => {
  uncaught.push(event.error);
  event.preventDefault();
};

beforeAll(() => {
  defineAssetSelectorElement();
  stubLayout();
  // Capture: the element's `error` event does not bubble, but passes the document on its way down.
  document.addEventListener('error', onReported, true);
  window.addEventListener('error', onUncaught);
});

afterEach(async () => {
  await act(async () => {
    document.body.replaceChildren();
    await Promise.resolve();
  });
  reported.length = 0;
  uncaught.length = 0;
});

/** Lets queued option syncs (microtasks) and React's rendering run. */
const settle = () => act(() => new Promise<void>((done) => setTimeout(done, 30)));
const alertIn = (el: Element) => el.shadowRoot!.querySelector<HTMLElement>('[role="alert"]')!;
/** The shadow root mount() renders into, inside the element's own. */
const mounted = (el: Element) => el.shadowRoot!.querySelector('[data-asset-selector-mount]')?.shadowRoot;
const selectorIn = (el: Element) => mounted(el)?.querySelector('section[aria-label="Asset selector"], dialog') ?? null;

async function until(check: () => boolean, what: string): Promise<void> {
  const end = Date.now() + 10_000;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await settle();
  }
}

describe('<asset-selector> with an invalid option', () => {
  it('in markup: reports once, shows the error naming the attribute, throws nothing, and recovers when fixed', async () => {
    await act(async () => {
      document.body.innerHTML = `<asset-selector repository="${repository}" selection-type="many"></asset-selector>`;
    });
    await settle();
    const el = document.querySelector('asset-selector')!;
    expect(uncaught).toEqual([]);
    expect(reported).toHaveLength(1);
    expect(reported[0]).toBeInstanceOf(TypeError);
    expect(reported[0]!.message).toMatch(/option "selectionType" must be one of 'single', 'multiple', got "many"/);
    const alert = alertIn(el);
    expect(alert.hidden).toBe(false);
    expect(alert.querySelector('.as-error-title')!.textContent).toBe('The asset selector cannot be shown');
    expect(alert.querySelector('.as-error-message')!.textContent).toBe('The attribute “selection-type” has a value the selector does not accept.');
    expect(alert.querySelector('.as-error-detail')!.textContent).toBe(reported[0]!.message);
    expect(selectorIn(el)).toBeNull();
    // Styled like the selector's own errors: its stylesheet is in the element's shadow root.
    expect(el.shadowRoot!.querySelector('style[data-asset-selector]')).not.toBeNull();

    el.setAttribute('selection-type', 'multiple');
    await until(() => selectorIn(el) !== null, 'the selector');
    expect(alert.hidden).toBe(true);
    expect(alert.textContent).toBe('');
    await until(() => (mounted(el)?.querySelectorAll('[role="gridcell"]').length ?? 0) > 0, 'results');
    expect(reported).toHaveLength(1);
    expect(uncaught).toEqual([]);
  });

  it('set as a property on a mounted selector: reported once, shown above the selector, which stays as it was', async () => {
    const el = document.createElement('asset-selector') as AssetSelectorElement;
    el.setAttribute('repository', repository);
    await act(async () => document.body.append(el));
    await until(() => selectorIn(el) !== null, 'the selector');
    el.selectionType = 'several' as never;
    el.mode = 'modal';
    await settle();
    await settle();
    expect(reported.map((e) => e.message)).toEqual([expect.stringMatching(/option "selectionType"/)]);
    expect(alertIn(el).querySelector('.as-error-message')!.textContent).toBe('The option “selectionType” has a value the selector does not accept.');
    // The refused update changed nothing: still inline, not the modal the same update asked for.
    expect(mounted(el)!.querySelector('section[aria-label="Asset selector"]')).not.toBeNull();

    // Another problem is news; fixing everything clears it and applies the options.
    el.selectionType = 'single';
    el.imageFormat = 'tiff' as never;
    await settle();
    expect(reported.map((e) => e.message)).toEqual([expect.stringMatching(/"selectionType"/), expect.stringMatching(/"imageFormat"/)]);
    el.imageFormat = 'webp';
    await settle();
    expect(alertIn(el).hidden).toBe(true);
    expect(mounted(el)!.querySelector('section[aria-label="Asset selector"]')).toBeNull(); // modal now, and closed
    expect(uncaught).toEqual([]);
  });

  it('speaks the element’s language, and the browser’s when the locale itself is the problem', async () => {
    await act(async () => {
      document.body.innerHTML = `<asset-selector repository="${repository}" locale="de-DE" mode="popup"></asset-selector>`;
    });
    const el = document.querySelector('asset-selector')!;
    await until(() => alertIn(el).querySelector('.as-error-title')?.textContent === 'Die Asset-Auswahl kann nicht angezeigt werden', 'German');
    expect(alertIn(el).lang).toBe('de-DE');
    expect(alertIn(el).querySelector('.as-error-message')!.textContent).toBe('Das Attribut „mode“ hat einen Wert, den die Asset-Auswahl nicht akzeptiert.');

    el.setAttribute('locale', 'not a locale!');
    el.setAttribute('mode', 'inline');
    await settle();
    expect(alertIn(el).querySelector('.as-error-message')!.textContent).toBe('The attribute “locale” has a value the selector does not accept.');
    expect(reported).toHaveLength(2);
    expect(uncaught).toEqual([]);
  });

  it('a missing repository is no error: the element waits for one', async () => {
    await act(async () => {
      document.body.innerHTML = '<asset-selector selection-type="many"></asset-selector>';
    });
    await settle();
    expect(reported).toEqual([]);
    expect(alertIn(document.querySelector('asset-selector')!).hidden).toBe(true);
  });
});
