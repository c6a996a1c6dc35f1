// @vitest-environment jsdom
import { act, render, screen } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mount } from '../../src/embed/mount.ts';
import { AssetSelector } from '../../src/ui/AssetSelector.tsx';
import { startTestEmulator, type TestEmulator } from '../emulator/emulatorFixture.ts';
import { stubLayout } from '../ui/uiFixture.tsx';

/*
 * The stylesheet is on its way (the ESM build's chunk on a slow network, the script tag's linked
 * file): held back here until each test lets it arrive. Until then a selector draws nothing,
 * neither unstyled nor hidden but laid out, and its search is already sent.
 */
const sheet = vi.hoisted(() => {
  let arrive!: () => void;
  const arrived = new Promise<void>((done) => (arrive = done));
  return { arrived, arrive, roots: [] as Array<Document | ShadowRoot> };
});
vi.mock('../../src/ui/applyStylesheet.ts', () => ({
  applyStylesheet: (root: Document | ShadowRoot) => {
    sheet.roots.push(root);
    return sheet.arrived;
  },
}));

let emulator: TestEmulator;
let restoreLayout: () => void;
const searches: string[] = [];
const realFetch = globalThis.fetch;

beforeAll(async () => {
  emulator = await startTestEmulator();
  restoreLayout = stubLayout();
  globalThis.fetch = (input, init) => {
    const url = String(input instanceof Request ? input.url : input);
    if (url.includes('/adobe/assets/search')) searches.push(url);
    return realFetch(input, init);
  };
});

afterAll(async () => {
  globalThis.fetch = realFetch;
  restoreLayout();
  await emulator.close();
});

/** Polls with real timers until `check` holds. */
async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 500 && !check(); i++) await act(() => new Promise<void>((done) => setTimeout(done, 20)));
  if (!check()) throw new Error(`timed out waiting for ${what}`);
}

describe('a selector whose stylesheet has not arrived yet', () => {
  it('draws nothing until it has (mount() and the React component), while its search is already sent; then it is drawn', async () => {
    const el = document.createElement('div');
    document.body.append(el);
    let handle!: ReturnType<typeof mount>;
    act(() => {
      handle = mount(el, { repository: emulator.url });
    });
    render(<AssetSelector repository={emulator.url} />);
    const shadow = el.querySelector('[data-asset-selector-mount]')!.shadowRoot!;
    expect(sheet.roots).toEqual([shadow, document]);

    await until(() => searches.length >= 2, 'both searches');
    // Sent, answered, and still nothing drawn: no section, no skeletons, no grid.
    await act(() => new Promise<void>((done) => setTimeout(done, 300)));
    expect(shadow.querySelector('section, .as-skeletons, [role="grid"]')).toBeNull();
    expect(screen.queryByRole('region', { name: 'Asset selector' })).toBeNull();
    expect(document.querySelector('.as-skeletons, [role="grid"]')).toBeNull();

    await act(async () => sheet.arrive());
    await until(() => shadow.querySelector('section[aria-label="Asset selector"] [role="grid"]') !== null, 'the mounted selector drawn');
    expect(await screen.findByRole('region', { name: 'Asset selector' })).toBeTruthy();
    // The searches sent before it arrived are the ones shown: none was sent again.
    await until(() => screen.queryAllByRole('gridcell').length > 0, 'results in the component');
    expect(searches).toHaveLength(2);
    act(() => handle.unmount());
  });
});
