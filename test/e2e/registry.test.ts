import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startPlatform } from '../helpers/platform.js';
import { demoPassword, digits, launchBrowser, openPage, screenshot, settle, signIn } from './browser.js';

describe('registry pages', () => {
  let platform: Awaited<ReturnType<typeof startPlatform>>;
  let browser: Browser;

  beforeAll(async () => {
    platform = await startPlatform();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await platform?.close();
  });

  it('searches demands for 枸杞 and opens one', async () => {
    const { context, page, errors } = await openPage(browser, platform.url);
    await signIn(page, 'operator', await demoPassword('operator'));

    await page.locator('[data-test=nav-demands]').click();
    await page.waitForURL(/\/demands$/);
    await page.locator('[data-test=demand-table] .el-table__row').first().waitFor();

    const search = page.locator('[data-test=search-input]');
    await search.fill('枸杞');
    const [response] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === '/api/demands' && new URL(r.url()).searchParams.get('q') === '枸杞'),
      search.press('Enter'),
    ]);
    expect(response.status()).toBe(200);
    const result = (await response.json()) as { items: { id: number; title: string }[]; total: number };
    expect(result.total).toBeGreaterThan(0);
    expect(decodeURIComponent(page.url())).toContain('q=枸杞');

    // the table shows what the API found, and the pager its total
    await expect.poll(() => page.locator('[data-test=demand-title]').first().textContent()).toContain(result.items[0].title);
    const rows = page.locator('[data-test=demand-table] .el-table__row');
    expect(await rows.count()).toBe(Math.min(result.items.length, 20));
    expect(digits(await page.locator('.el-pagination__total').textContent())).toBe(result.total);
    await settle(page);
    await screenshot(page, 'demands-search-zh-CN');

    // open the first result
    const first = result.items[0];
    await page.locator('[data-test=demand-title]').first().click();
    await page.waitForURL(new RegExp(`/demands/${first.id}`));
    await expect.poll(() => page.locator('[data-test=detail-title]').textContent()).toBe(first.title);

    const detail = (await (await context.request.get(`/api/demands/${first.id}`)).json()) as {
      organizationName: string | null;
      listName: string | null;
    };
    if (detail.organizationName) expect(await page.locator('[data-test=demand-organization]').textContent()).toContain(detail.organizationName);
    if (detail.listName) expect(await page.locator('[data-test=demand-list-link]').textContent()).toContain(detail.listName);
    expect(await page.locator('[data-test=breadcrumbs]').textContent()).toContain(first.title);
    await settle(page);
    await screenshot(page, 'demand-detail-zh-CN');

    // its organization page shows the counts
    if (detail.organizationName) {
      await page.locator('[data-test=demand-organization]').click();
      await page.waitForURL(/\/organizations\/\d+/);
      await page.locator('[data-test=organization-counts]').waitFor();
      expect(digits(await page.locator('[data-test=org-count-demands]').textContent())).toBeGreaterThan(0);
      await settle(page);
      await screenshot(page, 'organization-detail-zh-CN');
    }

    // back to the list keeps the search
    await page.goBack();
    if (detail.organizationName) await page.goBack();
    await page.waitForURL(/\/demands\?/);
    expect(await search.inputValue()).toBe('枸杞');

    expect(errors).toEqual([]);
    await context.close();
  });

  it('opens a demand list under its own header, and orders a search by relevance', async () => {
    const { context, page, errors } = await openPage(browser, platform.url);
    await signIn(page, 'operator', await demoPassword('operator'));
    await page.locator('[data-test=nav-demand-lists]').click();
    const firstList = page.locator('[data-test=demand-list-table] .el-table__row').first();
    await firstList.waitFor();
    await firstList.locator('.sh-title-link').click();
    await page.waitForURL(/\/demands\?listId=\d+/);
    const listId = new URL(page.url()).searchParams.get('listId');
    const list = (await (await context.request.get(`/api/demand-lists/${listId}`)).json()) as { name: string; demandCount: number };

    const header = page.locator('[data-test=demand-list-header]');
    await header.waitFor();
    expect(await header.textContent()).toContain(list.name);
    expect(digits(await page.locator('[data-test=demand-list-count]').textContent())).toBe(list.demandCount);
    await expect.poll(async () => digits(await page.locator('.el-pagination__total').textContent())).toBe(list.demandCount);

    // a search within the list is ordered by relevance unless another order is chosen
    const search = page.locator('[data-test=search-input]');
    await search.fill('技术');
    const [response] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === '/api/demands' && new URL(r.url()).searchParams.get('q') === '技术'),
      search.press('Enter'),
    ]);
    expect(response.status()).toBe(200);
    expect(new URL(response.url()).searchParams.get('sort')).toBe('relevance');
    expect(new URL(response.url()).searchParams.get('listId')).toBe(listId);
    expect(page.url()).not.toContain('sort=');
    await expect.poll(() => page.locator('.sort-select').first().textContent()).toContain('相关度');
    await settle(page);
    await screenshot(page, 'demand-list-header-zh-CN');

    expect(errors).toEqual([]);
    await context.close();
  });

  it('opens an expert with publications', async () => {
    const { context, page, errors } = await openPage(browser, platform.url);
    await signIn(page, 'operator', await demoPassword('operator'));
    await page.goto('/experts');
    const row = page.locator('[data-test=expert-table] .el-table__row').first();
    await row.waitFor();
    await row.click();
    await page.waitForURL(/\/experts\/\d+/);
    await page.locator('[data-test=publications] li').first().waitFor();
    expect(await page.locator('[data-test=publications] li').count()).toBeGreaterThanOrEqual(3);
    await settle(page);
    await screenshot(page, 'expert-detail-zh-CN');
    expect(errors).toEqual([]);
    await context.close();
  });
});
