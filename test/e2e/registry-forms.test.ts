import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startPlatform } from '../helpers/platform.js';
import { demoPassword, digits, launchBrowser, openPage, screenshot, settle, signIn } from './browser.js';

interface FieldProblem {
  path: string;
  message: string;
}
interface ErrorBody {
  error: { code: string; message: string; fields?: FieldProblem[] };
}
interface DemandBody {
  id: number;
  title: string;
  status: string;
  keywords: string[];
  disciplineCode: string | null;
  description: string;
}

/** Clicks the primary button of the confirmation box a workflow step asks for. */
async function confirmBox(page: Page): Promise<void> {
  const box = page.locator('.el-message-box');
  await box.waitFor();
  await box.locator('.el-message-box__btns .el-button--primary').click();
}

/** Console errors other than the browser's note of a refusal the test provoked on purpose. */
function unexpected(errors: string[], ...statuses: number[]): string[] {
  return errors.filter((e) => !statuses.some((s) => e.includes(`status of ${s}`)));
}

async function statusOf(page: Page): Promise<string | null> {
  return page.locator('[data-test=lifecycle-status]').getAttribute('data-value');
}

async function setLocale(page: Page, locale: 'zh-CN' | 'en'): Promise<void> {
  await page.evaluate((l) => localStorage.setItem('shanhai.locale', l), locale);
  await page.reload();
}

/** A made-up word of Latin letters: searchable once imported, absent from the demo data. */
function token(): string {
  const letters = 'bcdfghjkmnpqrstvwxz';
  return `shz${[...randomBytes(6)].map((b) => letters[b % letters.length]).join('')}`;
}

/** 20 demands as JSONL; with `bad`, rows 3, 8 and 15 each carry one mistake. */
function demandsJsonl(word: string, bad: boolean): string {
  const lines: string[] = [];
  for (let n = 1; n <= 20; n++) {
    const row: Record<string, unknown> = {
      ref: `E2E-${word}-${n}`,
      title: `${word} 沙棘果汁澄清工艺改进需求 ${n}`,
      description: `我公司年加工沙棘鲜果 ${n * 100} 吨，果汁存放后浑浊沉淀，希望改进澄清与稳定工艺。${word}`,
      industry: '食品制造业',
      keywords: ['沙棘', '澄清'],
      region: '银川市',
      budget: 10 + n,
    };
    if (bad && n === 3) delete row.description;
    if (bad && n === 8) row.region = '火星市';
    if (bad && n === 15) row.budget = -5;
    lines.push(JSON.stringify(row));
  }
  return `${lines.join('\n')}\n`;
}

describe('registry forms, demand workflow and imports', () => {
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

  it('takes a demand from draft through return and resubmission to published, with its history', async () => {
    const ent = await openPage(browser, platform.url);
    const op = await openPage(browser, platform.url);
    const page = ent.page;
    await signIn(page, 'enterprise', await demoPassword('enterprise'));

    // the enterprise may post demands: the list offers "new"
    await page.goto('/demands');
    await page.locator('[data-test=create-button]').click();
    await page.waitForURL(/\/demands\/new$/);
    await page.locator('[data-test=demand-form]').waitFor();

    // a title too short: the server's message appears under the title
    await page.locator('[data-test=field-title] input').fill('枸杞');
    await page.locator('[data-test=field-description] textarea').fill('褐变严重');
    const [refused] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === '/api/demands' && r.request().method() === 'POST'),
      page.locator('[data-test=form-save]').click(),
    ]);
    expect(refused.status()).toBe(400);
    const problems = ((await refused.json()) as ErrorBody).error.fields ?? [];
    const titleProblem = problems.find((f) => f.path.replace(/^body\./, '') === 'title');
    const descriptionProblem = problems.find((f) => f.path.replace(/^body\./, '') === 'description');
    expect(titleProblem).toBeTruthy();
    expect(descriptionProblem).toBeTruthy();
    await expect.poll(() => page.locator('[data-test=field-title] .el-form-item__error').textContent()).toContain(titleProblem!.message);
    await expect.poll(() => page.locator('[data-test=field-description] .el-form-item__error').textContent()).toContain(descriptionProblem!.message);
    expect(await page.locator('[data-test=form-error]').isVisible()).toBe(true);
    await settle(page);
    await screenshot(page, 'demand-form-error-zh-CN');

    // a proper demand; the suggestions come while typing and one discipline is applied with a click
    const title = `枸杞热风干燥褐变控制与色泽保持技术 ${Date.now() % 100000}`;
    await page.locator('[data-test=field-title] input').fill(title);
    await page.locator('[data-test=field-description] textarea').fill(
      '我公司年加工枸杞鲜果3000吨，热风干燥过程中褐变严重、色泽发暗，干果等级下降。希望找到控制褐变、缩短干燥时间并保持色泽的干燥工艺与装备。',
    );
    await expect.poll(() => page.locator('[data-test=field-title] .el-form-item__error').count()).toBe(0);
    await page.locator('[data-test=suggest-discipline]').first().waitFor();
    await settle(page);
    await page.waitForTimeout(600);
    await settle(page);
    const disciplineCode = await page.locator('[data-test=suggest-discipline]').first().getAttribute('data-code');
    await page.locator(`[data-test=suggest-discipline][data-code="${disciplineCode}"]`).click();
    const word = (await page.locator('[data-test=suggest-keyword]').first().textContent())!.trim();
    const keyword = page.locator('[data-test=suggest-keyword]', { hasText: word });
    await keyword.click();
    await expect.poll(() => keyword.getAttribute('data-added')).toBe('true');
    expect(await page.locator('[data-test=field-keywords]').textContent()).toContain(word);
    expect(await page.locator('[data-test=field-disciplineCode]').textContent()).toContain(disciplineCode!);
    await page.locator('[data-test=confidentiality-summary]').click();
    await settle(page);
    await screenshot(page, 'demand-form-zh-CN');

    const [created] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === '/api/demands' && r.request().method() === 'POST'),
      page.locator('[data-test=form-save]').click(),
    ]);
    expect(created.status()).toBe(201);
    const demand = ((await created.json()) as { demand: DemandBody }).demand;
    expect(demand.status).toBe('draft');
    expect(demand.disciplineCode).toBe(disciplineCode);
    expect(demand.keywords).toContain(word);
    await page.waitForURL(new RegExp(`/demands/${demand.id}$`));
    await expect.poll(() => page.locator('[data-test=detail-title]').textContent()).toBe(title);
    await expect.poll(() => statusOf(page)).toBe('draft');

    // submit for review
    await page.locator('[data-test=action-submit]').click();
    await confirmBox(page);
    await expect.poll(() => statusOf(page)).toBe('submitted');
    // under review the owner can no longer edit
    await expect.poll(() => page.locator('[data-test=edit-demand]').count()).toBe(0);

    // the operator returns it; without a reason the server refuses and says so in the dialog
    await signIn(op.page, 'operator', await demoPassword('operator'));
    await op.page.goto(`/demands/${demand.id}`);
    await expect.poll(() => statusOf(op.page)).toBe('submitted');
    await op.page.locator('[data-test=action-return]').click();
    const dialog = op.page.locator('[data-test=reason-dialog]');
    await dialog.waitFor();
    const [noReason] = await Promise.all([
      op.page.waitForResponse((r) => r.url().endsWith(`/api/demands/${demand.id}/transitions`)),
      op.page.locator('[data-test=reason-confirm]').click(),
    ]);
    expect(noReason.status()).toBe(400);
    const noReasonBody = (await noReason.json()) as ErrorBody;
    expect(noReasonBody.error.code).toBe('REASON_REQUIRED');
    await expect.poll(() => dialog.locator('.el-form-item__error').textContent()).toContain(noReasonBody.error.message);
    const reason = '请补充现有干燥设备型号、产能和期望的色泽指标';
    await op.page.locator('[data-test=reason-input]').fill(reason);
    await settle(op.page);
    await screenshot(op.page, 'demand-return-dialog-zh-CN');
    await op.page.locator('[data-test=reason-confirm]').click();
    await expect.poll(() => statusOf(op.page)).toBe('returned');

    // the enterprise sees the reason, edits and resubmits
    await page.reload();
    await expect.poll(() => statusOf(page)).toBe('returned');
    expect(await page.locator('[data-test=history-reason]').first().textContent()).toContain(reason);
    await page.locator('[data-test=edit-demand]').click();
    await page.waitForURL(new RegExp(`/demands/${demand.id}/edit$`));
    const description = page.locator('[data-test=field-description] textarea');
    await expect.poll(() => description.inputValue()).toContain('枸杞鲜果3000吨');
    await description.fill(`${await description.inputValue()}现有热风干燥线2条，日处理鲜果20吨；期望干果色泽达到特级标准。`);
    const [edited] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === `/api/demands/${demand.id}` && r.request().method() === 'PATCH'),
      page.locator('[data-test=form-save]').click(),
    ]);
    expect(edited.status()).toBe(200);
    expect(((await edited.json()) as { demand: DemandBody }).demand.description).toContain('特级标准');
    await page.waitForURL(new RegExp(`/demands/${demand.id}$`));
    await expect.poll(() => page.locator('[data-test=demand-description]').textContent()).toContain('特级标准');
    await page.locator('[data-test=action-submit]').click();
    await confirmBox(page);
    await expect.poll(() => statusOf(page)).toBe('submitted');

    // the operator publishes
    await op.page.reload();
    await expect.poll(() => statusOf(op.page)).toBe('submitted');
    await op.page.locator('[data-test=action-publish]').click();
    await confirmBox(op.page);
    await expect.poll(() => statusOf(op.page)).toBe('published');

    // every step is in the history, newest first, with who and why
    const history = (await (await op.context.request.get(`/api/demands/${demand.id}/history`)).json()) as {
      items: { action: string; reason: string | null; username: string | null }[];
    };
    expect(history.items.map((i) => i.action)).toEqual(['create', 'submit', 'return', 'submit', 'publish']);
    const steps = op.page.locator('[data-test=history-item]');
    await expect.poll(() => steps.count()).toBe(5);
    const shown = await steps.evaluateAll((els) => els.map((e) => e.getAttribute('data-action')));
    expect(shown).toEqual(['publish', 'submit', 'return', 'submit', 'create']);
    const timeline = (await op.page.locator('[data-test=demand-history]').textContent()) ?? '';
    expect(timeline).toContain('enterprise');
    expect(timeline).toContain('operator');
    expect(timeline).toContain(reason);
    await settle(op.page);
    await screenshot(op.page, 'demand-history-zh-CN');
    await setLocale(op.page, 'en');
    await expect.poll(() => op.page.locator('[data-test=demand-history]').textContent()).toContain('Returned');
    expect(await op.page.locator('[data-test=demand-lifecycle]').textContent()).toContain('History');
    await settle(op.page);
    await screenshot(op.page, 'demand-history-en');

    // the same title again: saved, with a warning that links to the first one
    await page.goto('/demands/new');
    await page.locator('[data-test=field-title] input').fill(title);
    await page.locator('[data-test=field-description] textarea').fill('我公司枸杞干燥过程中褐变严重，色泽发暗，希望找到控制褐变的工艺。');
    await page.locator('[data-test=form-save]').click();
    await page.waitForURL(/\/demands\/\d+$/);
    const warning = page.locator('[data-test=duplicates]');
    await warning.waitFor();
    expect(await warning.textContent()).toContain('可能重复');
    expect(await warning.locator('[data-test=duplicate-link]').first().getAttribute('href')).toBe(`/demands/${demand.id}`);
    await settle(page);
    await screenshot(page, 'demand-duplicate-zh-CN');

    // the English form reads in English
    await setLocale(page, 'en');
    await page.goto('/demands/new');
    await page.locator('[data-test=demand-form]').waitFor();
    expect(await page.locator('[data-test=field-confidentiality]').textContent()).toContain('Summary only');
    await page.locator('[data-test=field-title] input').fill('Goji drying');
    await page.locator('[data-test=field-description] textarea').fill('Hot-air drying of goji berries browns the fruit; we need a process that keeps the colour.');
    await page.locator('[data-test=suggest-keyword]').first().waitFor();
    await settle(page);
    await screenshot(page, 'demand-form-en');

    expect(unexpected(ent.errors, 400)).toEqual([]);
    expect(unexpected(op.errors, 400)).toEqual([]);
    await ent.context.close();
    await op.context.close();
  });

  it('registers an organization: USCC hint while typing, server messages under the fields, duplicates after saving', async () => {
    const { context, page, errors } = await openPage(browser, platform.url);
    await signIn(page, 'operator', await demoPassword('operator'));
    const existing = (await (await context.request.get('/api/organizations?pageSize=1&sort=name')).json()) as { items: { id: number; name: string }[] };
    const twin = existing.items[0];

    await page.goto('/organizations');
    await page.locator('[data-test=create-button]').click();
    await page.waitForURL(/\/organizations\/new$/);
    await page.locator('[data-test=field-name] input').fill(twin.name);

    // the check character is computed as the user types; the server still judges
    const uscc = page.locator('[data-test=field-uscc] input');
    await uscc.fill('91640100MA76XXXX');
    await expect.poll(() => page.locator('[data-test=uscc-hint]').textContent()).toContain('16');
    await uscc.fill('91350100M000100Y40');
    await expect.poll(() => page.locator('[data-test=uscc-hint]').textContent()).toContain('校验位应为 3');
    await page.locator('[data-test=region-mode-text]').click();
    await page.locator('[data-test=region-text]').fill('火星');
    const [bad] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === '/api/organizations' && r.request().method() === 'POST'),
      page.locator('[data-test=form-save]').click(),
    ]);
    expect(bad.status()).toBe(400);
    const usccProblem = ((await bad.json()) as ErrorBody).error.fields?.find((f) => f.path === 'body.uscc');
    expect(usccProblem).toBeTruthy();
    await expect.poll(() => page.locator('[data-test=field-uscc] .el-form-item__error').textContent()).toContain(usccProblem!.message);
    await settle(page);
    await screenshot(page, 'organization-form-error-zh-CN');

    // a right USCC; the unknown region is the service's finding, shown under the region
    await uscc.fill('91350100M000100Y43');
    await expect.poll(() => page.locator('[data-test=uscc-hint]').getAttribute('class')).toContain('ok');
    const [unknownRegion] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === '/api/organizations' && r.request().method() === 'POST'),
      page.locator('[data-test=form-save]').click(),
    ]);
    expect(unknownRegion.status()).toBe(400);
    expect(((await unknownRegion.json()) as ErrorBody).error.fields?.[0]?.path).toBe('region');
    await expect.poll(() => page.locator('[data-test=field-region] .el-form-item__error').textContent()).toContain('无法识别的地区');
    await expect.poll(() => page.locator('[data-test=field-uscc] .el-form-item__error').count()).toBe(0);

    // written as people write it, the region resolves; a near-identical name is flagged
    await page.locator('[data-test=region-text]').fill('宁夏银川市西夏区');
    const [saved] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === '/api/organizations' && r.request().method() === 'POST'),
      page.locator('[data-test=form-save]').click(),
    ]);
    expect(saved.status()).toBe(201);
    const body = (await saved.json()) as { organization: { id: number; regionCode: string }; duplicates: { id: number }[] };
    expect(body.organization.regionCode).toBe('640105');
    await page.waitForURL(new RegExp(`/organizations/${body.organization.id}$`));
    if (body.duplicates.length) {
      await page.locator('[data-test=duplicates]').waitFor();
      expect(await page.locator('[data-test=duplicates]').textContent()).toContain(twin.name);
    }
    await settle(page);
    await screenshot(page, 'organization-created-zh-CN');

    // and the edit form opens with what was saved
    await page.locator('[data-test=edit-record]').click();
    await page.waitForURL(new RegExp(`/organizations/${body.organization.id}/edit$`));
    await expect.poll(() => page.locator('[data-test=field-uscc] input').inputValue()).toBe('91350100M000100Y43');
    await setLocale(page, 'en');
    await page.locator('[data-test=organization-form]').waitFor();
    expect(await page.locator('[data-test=uscc-hint]').textContent()).toContain('check character');
    await settle(page);
    await screenshot(page, 'organization-form-en');

    expect(unexpected(errors, 400)).toEqual([]);
    await context.close();
  });

  it('registers an expert with a publications table; a bad paper title is marked in its row; edits replace the list', async () => {
    const { context, page, errors } = await openPage(browser, platform.url);
    await signIn(page, 'operator', await demoPassword('operator'));
    const name = `测试专家${Date.now() % 10000}`;

    await page.goto('/experts');
    await page.locator('[data-test=create-button]').click();
    await page.waitForURL(/\/experts\/new$/);
    await page.locator('[data-test=field-name] input').fill(name);
    await page.locator('[data-test=field-title] input').fill('教授');
    await page.locator('[data-test=field-organization] .el-radio-button', { hasText: '直接填写' }).click();
    await page.locator('[data-test=field-organization] input').last().fill('宁夏大学食品与葡萄酒学院');
    const fields = page.locator('[data-test=field-fields] input');
    await fields.fill('枸杞干燥');
    await fields.press('Enter');
    await fields.fill('果蔬保鲜');
    await fields.press('Enter');
    await page.locator('[data-test=field-email] input').fill('not-an-address');
    await page.locator('[data-test=add-publication]').click();
    await page.locator('[data-test=add-publication]').click();
    const titles = page.locator('[data-test=pub-title]');
    await titles.nth(0).fill('枸');
    await titles.nth(1).fill('枸杞热风干燥过程中褐变机理与控制');
    await page.locator('[data-test=pub-year] input').nth(1).fill('2023');

    const [bad] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === '/api/experts' && r.request().method() === 'POST'),
      page.locator('[data-test=form-save]').click(),
    ]);
    expect(bad.status()).toBe(400);
    const fieldsBack = ((await bad.json()) as ErrorBody).error.fields ?? [];
    const emailProblem = fieldsBack.find((f) => f.path === 'body.email');
    const pubProblem = fieldsBack.find((f) => f.path === 'body.publications.0.title');
    expect(emailProblem && pubProblem).toBeTruthy();
    await expect.poll(() => page.locator('[data-test=field-email] .el-form-item__error').textContent()).toContain(emailProblem!.message);
    const rows = page.locator('[data-test=publications-editor] .el-table__body tr');
    await expect.poll(() => rows.nth(0).locator('.pubs__cell-error').textContent()).toContain(pubProblem!.message);
    expect(await rows.nth(1).locator('.pubs__cell-error').count()).toBe(0);
    await settle(page);
    await screenshot(page, 'expert-form-error-zh-CN');

    await titles.nth(0).fill('宁夏枸杞品质形成与采后保鲜研究');
    await page.locator('[data-test=field-email] input').fill('zhang.test@nxu.edu.cn');
    const [saved] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === '/api/experts' && r.request().method() === 'POST'),
      page.locator('[data-test=form-save]').click(),
    ]);
    expect(saved.status()).toBe(201);
    const expert = ((await saved.json()) as { expert: { id: number; publications: { title: string; year: number | null }[]; fields: string[] } }).expert;
    expect(expert.publications.map((p) => p.title).sort()).toEqual(['宁夏枸杞品质形成与采后保鲜研究', '枸杞热风干燥过程中褐变机理与控制'].sort());
    expect(expert.publications.find((p) => p.title.startsWith('枸杞热风'))?.year).toBe(2023);
    expect(expert.fields).toEqual(['枸杞干燥', '果蔬保鲜']);
    await page.waitForURL(new RegExp(`/experts/${expert.id}$`));
    await expect.poll(() => page.locator('[data-test=publications] li').count()).toBe(2);

    // editing: one paper removed, the list is replaced
    await page.locator('[data-test=edit-record]').click();
    await page.waitForURL(new RegExp(`/experts/${expert.id}/edit$`));
    await expect.poll(() => rows.count()).toBe(2);
    await rows.nth(0).locator('[data-test=pub-remove]').click();
    await setLocale(page, 'en');
    await page.locator('[data-test=expert-form]').waitFor();
    await expect.poll(() => rows.count()).toBe(2);
    await settle(page);
    await screenshot(page, 'expert-form-en');
    await rows.nth(0).locator('[data-test=pub-remove]').click();
    const [patched] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === `/api/experts/${expert.id}` && r.request().method() === 'PATCH'),
      page.locator('[data-test=form-save]').click(),
    ]);
    expect(patched.status()).toBe(200);
    await page.waitForURL(new RegExp(`/experts/${expert.id}$`));
    await expect.poll(() => page.locator('[data-test=publications] li').count()).toBe(1);

    expect(unexpected(errors, 400)).toEqual([]);
    await context.close();
  });

  it('lets an enterprise register an achievement of its own organization', async () => {
    const { context, page, errors } = await openPage(browser, platform.url);
    await signIn(page, 'enterprise', await demoPassword('enterprise'));
    const me = (await (await context.request.get('/api/auth/me')).json()) as { user: { roles: { organizationId?: number; organizationName?: string }[] } };
    const own = me.user.roles[0];

    await page.goto('/achievements');
    await page.locator('[data-test=create-button]').click();
    await page.waitForURL(/\/achievements\/new$/);
    await expect.poll(() => page.locator('[data-test=field-organization]').textContent()).toContain('企业用户登记的记录归属本单位');
    await page.locator('[data-test=field-title] input').fill('枸杞低温真空脉动干燥工艺');
    await page.locator('[data-test=field-summary] textarea').fill('干燥时间缩短');
    const [bad] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === '/api/achievements' && r.request().method() === 'POST'),
      page.locator('[data-test=form-save]').click(),
    ]);
    expect(bad.status()).toBe(400);
    const summaryProblem = ((await bad.json()) as ErrorBody).error.fields?.find((f) => f.path === 'body.summary');
    await expect.poll(() => page.locator('[data-test=field-summary] .el-form-item__error').textContent()).toContain(summaryProblem!.message);

    await page.locator('[data-test=field-summary] textarea').fill('采用低温真空脉动干燥，干燥时间较热风干燥缩短40%，产品色泽鲜红、多糖保留率高，已在中宁建成示范线。');
    await page.locator('[data-test=field-price] input').fill('120');
    await settle(page);
    await screenshot(page, 'achievement-form-zh-CN');
    const [saved] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === '/api/achievements' && r.request().method() === 'POST'),
      page.locator('[data-test=form-save]').click(),
    ]);
    expect(saved.status()).toBe(201);
    const a = (await saved.json()) as { id: number; organizationId: number; price: number };
    expect(a.organizationId).toBe(own.organizationId);
    expect(a.price).toBe(120);
    await page.waitForURL(new RegExp(`/achievements/${a.id}$`));
    await setLocale(page, 'en');
    await page.locator('[data-test=edit-record]').click();
    await page.locator('[data-test=achievement-form]').waitFor();
    await expect.poll(() => page.locator('[data-test=field-title] input').inputValue()).toBe('枸杞低温真空脉动干燥工艺');
    await settle(page);
    await screenshot(page, 'achievement-form-en');

    expect(unexpected(errors, 400)).toEqual([]);
    await context.close();
  });

  it('imports demands: 3 bad rows of 20 are listed and nothing is imported; valid rows only; fixed file imported and searchable', async () => {
    const { context, page, errors } = await openPage(browser, platform.url);
    await signIn(page, 'operator', await demoPassword('operator'));
    const word = token();
    const count = async () => {
      const r = await context.request.get(`/api/demands?q=${word}&pageSize=1`);
      return r.status() === 200 ? ((await r.json()) as { total: number }).total : 0;
    };

    await page.goto('/demands');
    await page.locator('[data-test=import-demands]').click();
    await page.waitForURL(/\/imports\?kind=demands/);

    // the template: downloaded when the server has it, otherwise the page says why
    const templateStatus = (await context.request.get('/api/templates/demands')).status();
    if (templateStatus === 200) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test=template-download]').click()]);
      expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    } else {
      await page.locator('[data-test=template-download]').click();
      await page.locator('[data-test=template-error]').waitFor();
    }

    // 1. three bad rows: every problem listed, nothing imported
    const input = page.locator('[data-test=import-upload] input[type=file]');
    await input.setInputFiles({ name: 'demands.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(demandsJsonl(word, true)) });
    await page.locator('[data-test=import-start]').click();
    const job = page.locator('[data-test=import-job]');
    await expect.poll(() => job.getAttribute('data-status'), { timeout: 30_000 }).toBe('failed');
    const problemRows = page.locator('[data-test=problem-table] .el-table__body tr');
    await expect.poll(() => problemRows.count()).toBe(3);
    const rowNumbers = await problemRows.evaluateAll((trs) => trs.map((tr) => Number(tr.querySelector('td')?.textContent?.trim())));
    expect(rowNumbers).toEqual([3, 8, 15]);
    const tableText = (await page.locator('[data-test=problem-table]').textContent()) ?? '';
    expect(tableText).toContain('description');
    expect(tableText).toContain('火星市');
    expect(tableText).toContain('-5');
    expect(await page.locator('[data-test=job-error]').textContent()).toContain('未导入');
    expect(await count()).toBe(0);
    await settle(page);
    await screenshot(page, 'import-problems-zh-CN');

    // the job survives a reload: same problems
    const jobUrl = page.url();
    expect(jobUrl).toMatch(/job=\d+/);
    await page.reload();
    await expect.poll(() => job.getAttribute('data-status')).toBe('failed');
    await expect.poll(() => problemRows.count()).toBe(3);

    // 2. the valid rows only: 17 imported, 3 reported
    await input.setInputFiles({ name: 'demands.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(demandsJsonl(word, true)) });
    await page.locator('[data-test=skip-invalid]').click();
    await page.locator('[data-test=import-start]').click();
    await expect.poll(() => job.getAttribute('data-status'), { timeout: 30_000 }).toBe('succeeded');
    await expect.poll(async () => digits(await page.locator('[data-test=count-created]').textContent())).toBe(17);
    expect(digits(await page.locator('[data-test=count-skipped]').textContent())).toBe(3);
    expect(await problemRows.count()).toBe(3);
    await expect.poll(count).toBe(17);

    // 3. the fixed file: the 3 rows are added, the 17 updated (same refs), nothing doubled
    await page.locator('[data-test=import-job] button', { hasText: '重新导入' }).click();
    await page.locator('[data-test=skip-invalid]').click();
    await input.setInputFiles({ name: 'demands-fixed.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(demandsJsonl(word, false)) });
    await page.locator('[data-test=import-start]').click();
    await expect.poll(() => job.getAttribute('data-status'), { timeout: 30_000 }).toBe('succeeded');
    await expect.poll(async () => digits(await page.locator('[data-test=count-rows]').textContent())).toBe(20);
    expect(digits(await page.locator('[data-test=count-created]').textContent())).toBe(3);
    expect(digits(await page.locator('[data-test=count-updated]').textContent())).toBe(17);
    await settle(page);
    await screenshot(page, 'import-done-zh-CN');

    // searchable at once from the list
    await page.locator('[data-test=view-imported]').click();
    await page.waitForURL(/\/demands$/);
    await page.locator('[data-test=search-input]').fill(word);
    await page.locator('[data-test=search-input]').press('Enter');
    await expect.poll(async () => digits(await page.locator('.el-pagination__total').textContent())).toBe(20);

    // my jobs lists the three imports
    await setLocale(page, 'en');
    await page.goto('/jobs');
    const jobRows = page.locator('[data-test=jobs-table] .el-table__body-wrapper tr');
    await expect.poll(() => jobRows.count()).toBeGreaterThanOrEqual(3);
    expect(await page.locator('[data-test=jobs-table]').textContent()).toContain('Import · Demands');
    await settle(page);
    await screenshot(page, 'jobs-en');

    // and the import page in English, the last job picked up again
    await page.goto('/imports?kind=demands');
    await expect.poll(() => job.getAttribute('data-status')).toBe('succeeded');
    expect(await page.locator('[data-test=import-counts]').textContent()).toContain('Updated');
    await settle(page);
    await screenshot(page, 'import-done-en');

    expect(unexpected(errors, 404)).toEqual([]);
    await context.close();
  });

  it('imports an XLSX made from the downloaded template, when the server offers templates', async () => {
    const { context, page, errors } = await openPage(browser, platform.url);
    await signIn(page, 'operator', await demoPassword('operator'));
    if ((await context.request.get('/api/templates/demands')).status() !== 200) {
      // not wired on the server yet: the page offers the download and explains the refusal
      await page.goto('/imports?kind=demands');
      await page.locator('[data-test=template-download]').click();
      await page.locator('[data-test=template-error]').waitFor();
      expect(unexpected(errors, 404)).toEqual([]);
      await context.close();
      return;
    }
    const { default: ExcelJS } = await import('exceljs');
    const word = token();
    await page.goto('/imports?kind=demands');
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test=template-download]').click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const templatePath = await download.path();

    /** The template filled with 20 demands; with `bad`, data rows 3, 8 and 15 (sheet rows 4, 9, 16) are wrong. */
    const fill = async (bad: boolean, file: string) => {
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(templatePath);
      const sheet = book.worksheets[0];
      const header = sheet.getRow(1);
      const col = (re: RegExp) => {
        for (let i = 1; i <= header.cellCount; i++) if (re.test(header.getCell(i).text)) return i;
        return -1;
      };
      const cols = {
        title: col(/需求名称/),
        description: col(/需求描述/),
        industry: col(/所属产业/),
        keywords: col(/关键词/),
        region: col(/所在地区/),
        budget: col(/资金|预算/),
      };
      for (const [k, v] of Object.entries(cols)) expect(v, k).toBeGreaterThan(0);
      for (let n = 1; n <= 20; n++) {
        const row = sheet.getRow(n + 1);
        for (let i = 1; i <= header.cellCount; i++) row.getCell(i).value = null;
        row.getCell(cols.title).value = bad && n === 15 ? null : `${word} 沙棘果汁澄清工艺改进需求 ${n}`;
        row.getCell(cols.description).value = bad && n === 3 ? null : `我公司年加工沙棘鲜果 ${n * 100} 吨，果汁浑浊沉淀，希望改进澄清工艺。${word}`;
        row.getCell(cols.industry).value = '食品制造业';
        row.getCell(cols.keywords).value = '沙棘、澄清';
        row.getCell(cols.region).value = bad && n === 8 ? '火星市' : '银川市';
        row.getCell(cols.budget).value = 10 + n;
        row.commit();
      }
      await book.xlsx.writeFile(file);
    };
    const badFile = `${templatePath}-bad.xlsx`;
    const goodFile = `${templatePath}-good.xlsx`;
    await fill(true, badFile);
    await fill(false, goodFile);

    const input = page.locator('[data-test=import-upload] input[type=file]');
    await input.setInputFiles(badFile);
    await page.locator('[data-test=import-start]').click();
    const job = page.locator('[data-test=import-job]');
    await expect.poll(() => job.getAttribute('data-status'), { timeout: 30_000 }).toBe('failed');
    const problemRows = page.locator('[data-test=problem-table] .el-table__body tr');
    await expect.poll(() => problemRows.count()).toBe(3);
    const rows = await problemRows.evaluateAll((trs) => trs.map((tr) => Number(tr.querySelector('td')?.textContent?.trim())));
    expect(rows).toEqual([4, 9, 16]);
    expect(await (await context.request.get(`/api/demands?q=${word}&pageSize=1`)).json()).toMatchObject({ total: 0 });
    // the refused workbook comes back with the bad cells marked
    const [annotated] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test=download-annotated]').click()]);
    expect(annotated.suggestedFilename()).toMatch(/\.xlsx$/);
    const marked = new ExcelJS.Workbook();
    await marked.xlsx.readFile(await annotated.path());
    // a problem list first, then the data sheet with the bad cells commented
    expect(marked.worksheets[0].getRow(2).getCell(1).text).toBe('4');
    const data = marked.worksheets.find((w) => w.name === '技术需求');
    expect(data?.actualRowCount).toBeGreaterThanOrEqual(21);
    const commented: string[] = [];
    data?.eachRow({ includeEmpty: true }, (row, r) => row.eachCell({ includeEmpty: true }, (cell) => r > 1 && cell.note && commented.push(`${r}`)));
    expect([...new Set(commented)]).toEqual(['4', '9', '16']);
    await settle(page);
    await screenshot(page, 'import-xlsx-problems-zh-CN');

    // fixed: all 20 imported, searchable
    await page.locator('[data-test=import-upload] input[type=file]').setInputFiles(goodFile);
    await page.locator('[data-test=import-start]').click();
    await expect.poll(() => job.getAttribute('data-status'), { timeout: 30_000 }).toBe('succeeded');
    await expect.poll(async () => digits(await page.locator('[data-test=count-created]').textContent())).toBe(20);
    await expect.poll(async () => ((await (await context.request.get(`/api/demands?q=${word}&pageSize=1`)).json()) as { total: number }).total).toBe(20);

    // export the filtered list to XLSX from the list page; the file imports back without duplicates
    await page.goto(`/demands?q=${word}`);
    await expect.poll(async () => digits(await page.locator('.el-pagination__total').textContent())).toBe(20);
    await page.locator('[data-test=export-button]').click();
    const [exported] = await Promise.all([
      page.waitForEvent('download', { timeout: 30_000 }),
      page.locator('[data-test=export-xlsx]').click(),
    ]);
    expect(exported.suggestedFilename()).toMatch(/\.xlsx$/);
    const exportPath = `${templatePath}-export.xlsx`;
    await exported.saveAs(exportPath);
    const out = new ExcelJS.Workbook();
    await out.xlsx.readFile(exportPath);
    expect(out.worksheets[0].actualRowCount).toBe(21);
    await page.goto('/imports?kind=demands');
    await page.locator('[data-test=import-upload] input[type=file]').setInputFiles(exportPath);
    await page.locator('[data-test=import-start]').click();
    await expect.poll(() => job.getAttribute('data-status'), { timeout: 30_000 }).toBe('succeeded');
    await expect.poll(async () => digits(await page.locator('[data-test=count-updated]').textContent())).toBe(20);
    expect(digits(await page.locator('[data-test=count-created]').textContent())).toBe(0);
    expect(((await (await context.request.get(`/api/demands?q=${word}&pageSize=1`)).json()) as { total: number }).total).toBe(20);
    await settle(page);
    await screenshot(page, 'import-roundtrip-zh-CN');
    for (const f of [badFile, goodFile, exportPath]) fs.rmSync(f, { force: true });
    expect(errors).toEqual([]);
    await context.close();
  });
});
