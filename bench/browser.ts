import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../e2e/chromium.ts';

/** The bench's Chromium: Debian's (or PLAYWRIGHT_CHROMIUM_EXECUTABLE), headless, offline flags, as e2e/chromium.ts sets them. */
export async function launchChromium(): Promise<Browser> {
  const executablePath = findChromium();
  return chromium.launch({ headless: true, args: CHROMIUM_ARGS, ...(executablePath ? { executablePath } : {}) });
}

const VIEWPORT = { width: 1280, height: 800 };

/** A page in a fresh context (empty HTTP cache), ready for functions evaluated from this process. */
export async function freshPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  // tsx compiles the in-page functions with esbuild's keepNames, which calls a `__name` helper.
  await context.addInitScript('window.__name = (fn) => fn');
  return { context, page: await context.newPage() };
}
