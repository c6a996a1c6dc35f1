// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderSelector, uiSuite } from './uiFixture.tsx';

const suite = uiSuite();

describe('the messages option in the UI', () => {
  it('replaces single strings of the locale and leaves the rest to the catalog', async () => {
    renderSelector({ repository: suite.emulator.url, locale: 'en-GB', messages: { en: { select: 'Use asset', searchPlaceholder: 'Find photos' }, fr: { select: 'Prendre' } } });
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('24 assets found'));
    expect(screen.getByRole('button', { name: 'Use asset' })).toBeTruthy();
    expect(screen.getByRole('searchbox', { name: 'Search assets' }).getAttribute('placeholder')).toBe('Find photos');
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeTruthy();
  });
});
