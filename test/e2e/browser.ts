/**
 * Browser helpers for the end-to-end tests: Debian's Chromium driven by playwright-core, a page
 * that records console errors, screenshots under test-results/, and signing in through the UI.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const screenshotDir = path.resolve('test-results', 'e2e');

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface WatchedPage {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught exceptions seen so far. */
  errors: string[];
}

/** A fresh context (no cookies, empty localStorage) at a desktop size, in China Standard Time. */
export async function openPage(browser: Browser, baseURL: string): Promise<WatchedPage> {
  const context = await browser.newContext({
    baseURL,
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()} (${m.location().url})`);
  });
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  return { context, page, errors };
}

/**
 * A full-page screenshot. The window is first made as tall as the page, so the fixed header and
 * navigation and a sticky form footer sit where a reader expects them instead of mid-page.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(screenshotDir, { recursive: true });
  const size = page.viewportSize();
  const height = await page.evaluate(() => Math.max(document.documentElement.scrollHeight, document.body.scrollHeight));
  if (size && height > size.height) {
    await page.setViewportSize({ width: size.width, height: Math.min(height, 8000) });
    await page.waitForTimeout(300);
  }
  try {
    await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
  } finally {
    if (size && height > size.height) await page.setViewportSize(size);
  }
}

/**
 * The demo password of a demo account, from the demo data generator (the same source the seed
 * uses), so no test hard-codes it. SHANHAI_DEMO_PASSWORD overrides it.
 */
export async function demoPassword(username: string): Promise<string> {
  if (process.env.SHANHAI_DEMO_PASSWORD) return process.env.SHANHAI_DEMO_PASSWORD;
  const { generateDemo } = await import('../../server/db/seed/demo/generate-demo.js');
  const user = generateDemo().users.find((u: { username: string }) => u.username === username);
  if (!user) throw new Error(`no demo account ${username}`);
  return user.password;
}

/** Signs in through the login form and waits for the dashboard. */
export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.locator('[data-test=login-username]').fill(username);
  await page.locator('[data-test=login-password]').fill(password);
  await page.locator('[data-test=login-submit]').click();
  await page.locator('[data-test=home-counts] [data-test=count-organizations]').waitFor();
}

/** Waits until no request is in flight and charts have had time to draw. */
export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(400);
}

/** Digits of a formatted number ("2,934" → 2934). */
export function digits(text: string | null): number {
  return Number((text ?? '').replace(/\D/g, ''));
}
