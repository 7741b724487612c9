import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startPlatform } from '../helpers/platform.js';
import { demoPassword, digits, launchBrowser, openPage, screenshot, settle, signIn } from './browser.js';

const countKeys = ['organizations', 'experts', 'publications', 'demands', 'demandLists', 'achievements'] as const;

interface Overview {
  counts: Record<(typeof countKeys)[number], number>;
  demandsByStatus: unknown[];
  recentDemands: { title: string }[];
}

describe('web shell', () => {
  let platform: Awaited<ReturnType<typeof startPlatform>>;
  let browser: Browser;
  let password: string;

  beforeAll(async () => {
    platform = await startPlatform();
    browser = await launchBrowser();
    password = await demoPassword('operator');
  });

  afterAll(async () => {
    await browser?.close();
    await platform?.close();
  });

  it('signs the operator in to a dashboard whose counts match the API, in Chinese and English', async () => {
    const { context, page, errors } = await openPage(browser, platform.url);

    await page.goto('/');
    await page.waitForURL(/\/login/);
    await page.locator('[data-test=login-submit]').waitFor();
    await settle(page);
    await screenshot(page, 'login-zh-CN');

    await signIn(page, 'operator', password);
    await settle(page);

    // the numbers on the cards are the API's numbers, fetched with the page's own session cookie
    const res = await context.request.get('/api/stats/overview', { headers: { 'Accept-Language': 'zh-CN' } });
    expect(res.status()).toBe(200);
    const overview = (await res.json()) as Overview;
    for (const key of countKeys) {
      const shown = await page.locator(`[data-test=count-${key}] [data-test=count-value]`).textContent();
      expect(digits(shown), key).toBe(overview.counts[key]);
    }
    expect(overview.counts.demands).toBeGreaterThan(0);

    // the charts were drawn and the recent demands are the API's
    expect(await page.locator('.echart canvas').count()).toBeGreaterThanOrEqual(4);
    const firstRecent = overview.recentDemands[0];
    if (firstRecent) await expect.poll(() => page.locator('[data-test=recent-demands]').textContent()).toContain(firstRecent.title);

    // Chinese by default: menu and card labels
    expect(await page.locator('[data-test=side-nav]').textContent()).toContain('首页');
    expect(await page.locator('[data-test=count-organizations]').textContent()).toContain('单位');
    expect(await page.locator('[data-test=user-name]').textContent()).toBeTruthy();
    await screenshot(page, 'home-zh-CN');

    // switch to English through the header's language menu
    await page.locator('[data-test=locale-switch]').click();
    await page.locator('[data-test="locale-en"]').click();
    await expect.poll(() => page.locator('[data-test=side-nav]').textContent()).toContain('Dashboard');
    expect(await page.locator('[data-test=count-organizations]').textContent()).toContain('Organizations');
    expect(await page.locator('[data-test=side-nav]').textContent()).toContain('Audit log');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await settle(page);
    await screenshot(page, 'home-en');

    // the choice is remembered across a reload
    await page.reload();
    await page.locator('[data-test=count-organizations]').waitFor();
    expect(await page.locator('[data-test=side-nav]').textContent()).toContain('Demand lists');

    // every page of the menu opens without errors, in English
    for (const [nav, name] of [
      ['demands', 'demands'],
      ['demand-lists', 'demand-lists'],
      ['experts', 'experts'],
      ['achievements', 'achievements'],
      ['organizations', 'organizations'],
      ['audit', 'audit'],
    ] as const) {
      await page.locator(`[data-test=nav-${nav}]`).click();
      await page.waitForURL(new RegExp(`/${nav}$`));
      await page.locator('.el-table__row, [data-test=registry-empty]').first().waitFor();
      await settle(page);
      await screenshot(page, `${name}-en`);
    }
    // the audit log of a freshly seeded platform holds at least the operator's sign-in or the seed
    expect(await page.locator('[data-test=audit-table] .el-table__row').count()).toBeGreaterThan(0);

    // and back in Chinese
    await page.locator('[data-test=locale-switch]').click();
    await page.locator('[data-test="locale-zh-CN"]').click();
    await expect.poll(() => page.locator('[data-test=side-nav]').textContent()).toContain('审计日志');
    await page.locator('[data-test=nav-experts]').click();
    await page.locator('[data-test=expert-table] .el-table__row').first().waitFor();
    await settle(page);
    await screenshot(page, 'experts-zh-CN');

    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows the API message when the password is wrong', async () => {
    const { context, page } = await openPage(browser, platform.url);
    await page.goto('/login');
    await page.locator('[data-test=login-username]').fill('operator');
    await page.locator('[data-test=login-password]').fill(`${password}-wrong`);
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/auth/login')),
      page.locator('[data-test=login-submit]').click(),
    ]);
    expect(response.status()).toBe(401);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('AUTH_INVALID_CREDENTIALS');

    const alert = page.locator('[data-test=login-error]');
    await alert.waitFor();
    expect((await alert.textContent())?.trim()).toBe(body.error.message);
    expect(page.url()).toMatch(/\/login/);
    await screenshot(page, 'login-error-zh-CN');
    await context.close();
  });

  it('logs out back to the login page, and the session is gone', async () => {
    const { context, page, errors } = await openPage(browser, platform.url);
    await signIn(page, 'operator', password);

    await page.locator('[data-test=user-menu]').click();
    await page.locator('[data-test=menu-logout]').click();
    await page.waitForURL(/\/login/);
    await page.locator('[data-test=login-submit]').waitFor();

    // the server forgot the session too
    const me = await context.request.get('/api/auth/me');
    expect(me.status()).toBe(401);
    // and the app sends a visitor back to the login page
    await page.goto('/demands');
    await page.waitForURL(/\/login\?redirect=/);

    expect(errors).toEqual([]);
    await context.close();
  });
});
