import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startPlatform } from '../helpers/platform.js';
import { launchBrowser, openPage, screenshot, settle, signIn } from './browser.js';

interface Reason {
  signal: string;
  contribution: number;
}
interface Hit {
  kind: string;
  id: number;
  title: string;
  score: number;
  reasons: Reason[];
}
interface MatchResult {
  hits: Hit[];
  weights: Record<string, number>;
}

/** Switches the UI language through the header menu. */
async function switchLocale(page: Page, locale: 'en' | 'zh-CN'): Promise<void> {
  await page.locator('[data-test=locale-switch]').click();
  await page.locator(`[data-test="locale-${locale}"]`).click();
  await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(locale);
}

/** A paper title as the reasons show it: `《title》（2023）` or `“title” (2023)`. */
function paperTitle(text: string): string {
  return text
    .trim()
    .replace(/\s*[（(]\d{4}[）)]$/, '')
    .replace(/^[《“]/, '')
    .replace(/[》”]$/, '');
}

/** Numbers of the `data-*` attribute of every element matched. */
async function numbers(page: Page, selector: string, attribute: string): Promise<number[]> {
  return page.locator(selector).evaluateAll((els, a) => els.map((e) => Number(e.getAttribute(a))), attribute);
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** A full-page screenshot from the top (a scrolled page would draw the sticky header mid-page). */
async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await settle(page);
  await screenshot(page, name);
}

describe('matching in the browser', () => {
  let platform: Awaited<ReturnType<typeof startPlatform>>;
  let browser: Browser;
  const password = (username: string) => {
    const account = platform.accounts.find((a) => a.username === username);
    if (!account) throw new Error(`no demo account ${username}`);
    return account.password;
  };

  beforeAll(async () => {
    platform = await startPlatform();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await platform?.close();
  });

  it("recommends experts for a 枸杞 demand, with papers of the expert's own and contributions that add up to the score", async () => {
    const { context, page, errors } = await openPage(browser, platform.url);
    await signIn(page, 'operator', password('operator'));

    const list = (await (await context.request.get('/api/demands?q=枸杞&status=published&pageSize=5')).json()) as { items: { id: number; title: string }[] };
    expect(list.items.length).toBeGreaterThan(0);
    const demand = list.items[0];

    await page.goto(`/demands/${demand.id}`);
    await page.locator('[data-test=recommendations] [data-test=match-hit]').first().waitFor();
    const api = (await (await context.request.get(`/api/demands/${demand.id}/matches?kind=expert&limit=10`)).json()) as MatchResult;
    const hits = page.locator('[data-test=recommend-pane-expert] [data-test=match-hit]');
    expect(await hits.count()).toBe(api.hits.length);
    expect(await hits.first().getAttribute('data-id')).toBe(String(api.hits[0].id));

    // a publication reason names a real paper of that expert
    const pubItem = page.locator('[data-test=recommend-pane-expert] [data-test=reason][data-signal=publication] [data-test=reason-item]').first();
    await pubItem.waitFor();
    const title = paperTitle((await pubItem.textContent()) ?? '');
    expect(title.length).toBeGreaterThan(4);
    const owner = pubItem.locator('xpath=ancestor::li[@data-test="match-hit"]');
    const expertId = await owner.getAttribute('data-id');
    const expert = (await (await context.request.get(`/api/experts/${expertId}`)).json()) as { publications: { title: string }[] };
    expect(expert.publications.map((p) => p.title)).toContain(title);
    expect(await owner.locator('[data-test=reason][data-signal=publication]').first().textContent()).toMatch(/\d+ 篇相关论文：/);

    // the first candidate: its bar segments and its reasons each add up to the score shown
    const first = hits.first();
    const score = Number(await first.getAttribute('data-score'));
    expect(score).toBeCloseTo(api.hits[0].score, 9);
    expect(await first.locator('[data-test=hit-score]').textContent()).toBe(score.toFixed(3));
    const segments = await numbers(page, '[data-test=recommend-pane-expert] [data-test=match-hit]:first-child [data-test=score-segment]', 'data-contribution');
    expect(segments.length).toBeGreaterThanOrEqual(3);
    expect(sum(segments)).toBeCloseTo(score, 9);
    const lines = await numbers(page, '[data-test=recommend-pane-expert] [data-test=match-hit]:first-child [data-test=reason-contribution]', 'data-value');
    expect(sum(lines)).toBeCloseTo(score, 9);
    // the rounded numbers printed beside the reasons add up too (within their rounding)
    const printed = (await first.locator('[data-test=reason-contribution]').allTextContents()).map((s) => Number(s.trim().replace('−', '-')));
    expect(Math.abs(sum(printed) - score)).toBeLessThanOrEqual(0.0005 * printed.length + 1e-9);
    // and the breakdown ends in the score
    await first.locator('[data-test=hit-breakdown-toggle]').click();
    expect(await first.locator('[data-test=breakdown-total]').textContent()).toBe(score.toFixed(4));

    // the plain words name the discipline and the pairing rather than codes
    const reasonsText = (await first.locator('[data-test=hit-reasons]').textContent()) ?? '';
    if (api.hits[0].reasons.some((r) => r.signal === 'discipline')) expect(reasonsText).toMatch(/学科(一致|相近)：[^\d]/);
    if (api.hits[0].reasons.some((r) => r.signal === 'pairing')) expect(reasonsText).toMatch(/东西部结对：\S+ ↔ 宁夏/);

    // the weights used are shown
    await page.locator('[data-test=recommend-pane-expert] [data-test=score-rules]').click();
    const rules = page.locator('[data-test=score-rules-content]').last();
    await rules.waitFor();
    expect(await rules.locator('[data-weight=discipline] .num').textContent()).toBe(String(api.weights.discipline));
    await page.locator('[data-test=recommend-pane-expert] [data-test=score-rules]').click();
    await rules.waitFor({ state: 'hidden' });
    await shot(page, 'demand-recommendations-zh-CN');

    // achievements and organizations on their tabs; each candidate links to its page
    await page.locator('[data-test=recommend-tab-achievement]').click();
    await page.locator('[data-test=recommend-pane-achievement] [data-test=match-hit]').first().waitFor();
    expect(await page.locator('[data-test=recommend-pane-achievement] [data-test=hit-title]').first().getAttribute('href')).toMatch(/^\/achievements\/\d+$/);
    await page.locator('[data-test=recommend-tab-organization]').click();
    await page.locator('[data-test=recommend-pane-organization] [data-test=match-hit]').first().waitFor();

    // in English
    await switchLocale(page, 'en');
    await page.locator('[data-test=recommend-tab-expert]').click();
    await expect.poll(() => page.locator('[data-test=recommendations] .sh-card__header').textContent()).toContain('Recommendations');
    expect(await page.locator('[data-test=recommend-pane-expert] [data-test=reason][data-signal=publication]').first().textContent()).toMatch(/\d+ related papers?: “/);
    expect(await page.locator('[data-test=recommend-pane-expert] [data-test=signal-legend]').textContent()).toContain('Publications');
    await shot(page, 'demand-recommendations-en');

    expect(errors).toEqual([]);
    await context.close();
  });

  it('matches a described need on the matchmaking page, with suggestions and advice for an empty text', async () => {
    const { context, page, errors } = await openPage(browser, platform.url);
    await signIn(page, 'operator', password('operator'));

    await page.locator('[data-test=nav-matchmaking]').click();
    await page.waitForURL(/\/matchmaking$/);

    // suggestions appear while typing
    const text = page.locator('[data-test=match-text]');
    const suggested = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/suggest' && r.status() === 200);
    await text.fill('光伏电站组件表面积灰严重，发电效率下降，希望引进节水型自动清洗技术');
    const suggestions = (await (await suggested).json()) as { keywords: { word: string }[]; industries: { code: string; name: string }[] };
    expect(suggestions.keywords.length).toBeGreaterThan(0);
    await page.locator('[data-test=suggest-keyword]').first().waitFor();
    expect(await page.locator('[data-test=suggestions]').textContent()).toContain(suggestions.keywords[0].word);

    // a keyword chip appends its word; a suggested industry is applied as context
    const chip = page.locator('[data-test=suggest-keyword]').first();
    const word = ((await chip.textContent()) ?? '').trim();
    const before = await text.inputValue();
    await chip.click();
    expect(await text.inputValue()).toBe(`${before} ${word}`);
    expect(await chip.getAttribute('data-added')).toBe('true');
    const industry = suggestions.industries.find((i) => i.name === '清洁能源') ?? suggestions.industries[0];
    expect(industry).toBeTruthy();
    await page.locator(`[data-test=suggest-industry][data-code="${industry.code}"]`).click();
    await page.locator('[data-test=applied-context]').waitFor();

    const [matched] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === '/api/match'),
      page.locator('[data-test=match-submit]').click(),
    ]);
    expect(matched.status()).toBe(200);
    expect((matched.request().postDataJSON() as { context?: { industries?: string[] } }).context?.industries).toEqual([industry.code]);
    const result = (await matched.json()) as MatchResult;
    expect(result.hits.length).toBeGreaterThan(0);
    const hits = page.locator('[data-test=match-results] [data-test=match-hit]');
    await hits.first().waitFor();
    expect(await hits.count()).toBe(result.hits.length);
    expect(await hits.first().locator('[data-test=hit-title]').textContent()).toBe(result.hits[0].title);
    expect(await page.locator('[data-test=match-results] [data-test=hit-reasons]').first().textContent()).toMatch(/光伏|清洗/);
    const segments = await numbers(page, '[data-test=match-results] [data-test=match-hit]:first-child [data-test=score-segment]', 'data-contribution');
    expect(sum(segments)).toBeCloseTo(result.hits[0].score, 9);
    await shot(page, 'matchmaking-zh-CN');

    // another kind re-runs the match
    const [again] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === '/api/match'),
      page.locator('[data-test=match-kind-achievement]').click(),
    ]);
    expect((again.request().postDataJSON() as { kind: string }).kind).toBe('achievement');
    await expect.poll(() => hits.first().getAttribute('data-kind')).toBe('achievement');

    await switchLocale(page, 'en');
    await expect.poll(() => page.locator('[data-test=match-results] .sh-card__header').textContent()).toContain('Results');
    await shot(page, 'matchmaking-en');
    await switchLocale(page, 'zh-CN');

    // nothing but stopwords: the server's advice, not a crash
    await text.fill('的 了 和 是');
    const [refused] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === '/api/match'),
      page.locator('[data-test=match-submit]').click(),
    ]);
    expect(refused.status()).toBe(400);
    const body = (await refused.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('EMPTY_QUERY');
    const advice = page.locator('[data-test=match-advice]');
    await advice.waitFor();
    expect(await advice.textContent()).toContain(body.error.message);
    expect(await page.locator('[data-test=match-results] [data-test=match-hit]').count()).toBe(0);
    await shot(page, 'matchmaking-advice-zh-CN');

    // an empty text is advised without asking the server
    await text.fill('');
    await page.locator('[data-test=match-submit]').click();
    expect(await advice.textContent()).toContain('请先描述需求');

    // the refused request is logged by the browser as a failed resource; nothing else may fail
    expect(errors.filter((e) => !/status of 400/.test(e) || !e.includes('/api/match'))).toEqual([]);
    await context.close();
  });

  it('shows the expert the demands that fit them, and not to others', async () => {
    const { context, page, errors } = await openPage(browser, platform.url);
    await signIn(page, 'expert', password('expert'));
    const me = (await (await context.request.get('/api/auth/me')).json()) as { user: { roles: { expertId?: number }[] } };
    const expertId = me.user.roles.find((r) => r.expertId)?.expertId;
    expect(expertId).toBeTruthy();

    await page.goto(`/experts/${expertId}`);
    const panel = page.locator('[data-test=demands-for]');
    await panel.locator('[data-test=match-hit]').first().waitFor();
    const api = (await (await context.request.get(`/api/experts/${expertId}/demands?limit=5`)).json()) as MatchResult;
    expect(api.hits.length).toBeGreaterThan(0);
    expect(await panel.locator('[data-test=hit-title]').first().textContent()).toBe(api.hits[0].title);
    expect(await panel.locator('[data-test=hit-title]').first().getAttribute('href')).toBe(`/demands/${api.hits[0].id}`);
    const segments = await numbers(page, '[data-test=demands-for] [data-test=match-hit]:first-child [data-test=score-segment]', 'data-contribution');
    expect(sum(segments)).toBeCloseTo(api.hits[0].score, 9);
    await shot(page, 'expert-demands-for-zh-CN');
    await switchLocale(page, 'en');
    await expect.poll(() => panel.locator('.sh-card__header').textContent()).toContain('Demands that fit');
    await shot(page, 'expert-demands-for-en');
    expect(errors).toEqual([]);
    await context.close();

    // a signed-in user without a say over this expert sees the profile but no panel, and asks nothing
    const other = await openPage(browser, platform.url);
    await signIn(other.page, 'reviewer', password('reviewer'));
    const asked: string[] = [];
    other.page.on('request', (r) => {
      if (/\/api\/experts\/\d+\/demands/.test(r.url())) asked.push(r.url());
    });
    await other.page.goto(`/experts/${expertId}`);
    await other.page.locator('[data-test=publications]').waitFor();
    await settle(other.page);
    expect(await other.page.locator('[data-test=demands-for]').count()).toBe(0);
    expect(asked).toEqual([]);
    expect(other.errors).toEqual([]);
    await other.context.close();

    // a visitor is sent to sign in; the API refuses them too
    const visitor = await openPage(browser, platform.url);
    await visitor.page.goto(`/experts/${expertId}`);
    await visitor.page.waitForURL(/\/login\?redirect=/);
    expect(await visitor.page.locator('[data-test=demands-for]').count()).toBe(0);
    expect((await visitor.context.request.get(`/api/experts/${expertId}/demands`)).status()).toBe(401);
    await visitor.context.close();
  });

  it('shows staff the demands that fit an organization', async () => {
    const { context, page, errors } = await openPage(browser, platform.url);
    await signIn(page, 'operator', password('operator'));
    const orgs = (await (await context.request.get('/api/organizations?kind=university&pageSize=1')).json()) as { items: { id: number }[] };
    const id = orgs.items[0].id;
    await page.goto(`/organizations/${id}`);
    const panel = page.locator('[data-test=demands-for]');
    await panel.locator('[data-test=match-hit], [data-test=match-empty]').first().waitFor();
    const api = (await (await context.request.get(`/api/organizations/${id}/demands?limit=5`)).json()) as MatchResult;
    expect(await panel.locator('[data-test=match-hit]').count()).toBe(api.hits.length);
    expect(errors).toEqual([]);
    await context.close();
  });
});
