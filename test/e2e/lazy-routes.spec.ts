import { beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page, Response } from 'playwright-core';
import { browserAvailable } from './support/browser.ts';
import { openSessionForSuite, type E2eSession } from './support/session.ts';
import { logIn, sideMenu, switchLanguage, tableRows, waitForTitle } from './support/app-actions.ts';

/** One page of the side menu (web/src/app/routes.tsx): its label, address, heading and something that stays on it. */
interface MenuPage {
  label: string;
  path: string;
  /** Where the address settles (settings opens its first tab). */
  landsOn: RegExp;
  content: (page: Page, session: E2eSession) => Locator;
}

/** The side menu of an owner who also operates the instance (the suite's admin), in menu order. */
const menuPages: MenuPage[] = [
  { label: '工作台', path: '/dashboard', landsOn: /\/dashboard$/, content: (page) => page.getByText('在用客户') },
  { label: '客户', path: '/clients', landsOn: /\/clients$/, content: (page) => tableRows(page).first() },
  { label: '申请', path: '/applications', landsOn: /\/applications$/, content: (page) => page.getByText('为客户企业代办的许可证申请，按办事指南的五个步骤推进') },
  { label: '许可证', path: '/licenses', landsOn: /\/licenses$/, content: (page) => page.getByText('客户企业持有的增值电信业务经营许可证，按到期日先后排列') },
  { label: '合规事项', path: '/obligations', landsOn: /\/obligations$/, content: (page) => page.getByText('客户许可证的年报、续期、变更备案等法定义务，按截止日期先后排列，逾期的在最前') },
  { label: '知识库', path: '/catalog', landsOn: /\/catalog$/, content: (page) => page.getByTestId('services-B1').getByText('互联网数据中心业务') },
  { label: '设置', path: '/settings', landsOn: /\/settings\/users$/, content: (page, session) => tableRows(page).filter({ hasText: session.server.adminEmail }) },
  { label: '平台管理', path: '/platform', landsOn: /\/platform$/, content: (page) => page.getByTestId('organisations-table').locator('tr.ant-table-row').first() },
];

// Words from each language's sign-in texts (web/src/app/i18n/*/auth.ts), to tell which dictionary a script holds.
const chineseLoginFooter = '账号由所在机构的管理员创建';
const englishLoginFooter = 'Ask them to reset it';

const isScriptOrStyle = (url: string) => /\.(m?js|css)(\?|$)/.test(new URL(url).pathname);

/**
 * Watches a page's scripts and style sheets: which were fetched (a file counts once per page, however often it is
 * served again from the cache) and which failed (an error status, or no answer at all).
 */
function watchAssets(page: Page) {
  const fetched = new Set<string>();
  const failed: string[] = [];
  const scripts: Response[] = [];
  let since = 0;
  page.on('response', (response) => {
    if (!isScriptOrStyle(response.url())) return;
    if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
    if (/\.m?js(\?|$)/.test(new URL(response.url()).pathname)) scripts.push(response);
    fetched.add(response.url());
  });
  page.on('requestfailed', (request) => {
    if (isScriptOrStyle(request.url())) failed.push(`${request.failure()?.errorText ?? 'failed'} ${request.url()}`);
  });
  return {
    failed,
    /** Scripts received since the last call: the page's own code arrives with its first visit. */
    takeNewScripts(): Response[] {
      const taken = scripts.slice(since);
      since = scripts.length;
      return taken;
    },
    /** Scripts received so far whose text contains `words`. */
    async scriptsContaining(words: string): Promise<string[]> {
      const bodies = await Promise.all(scripts.map(async (r) => ({ url: r.url(), text: (await r.body()).toString('utf8') })));
      return bodies.filter((b) => b.text.includes(words)).map((b) => b.url);
    },
    fetchedCount: () => fetched.size,
  };
}

async function expectShown(page: Page, session: E2eSession, target: MenuPage): Promise<void> {
  await page.waitForURL(target.landsOn);
  await waitForTitle(page, target.label);
  await target.content(page, session).waitFor();
}

describe.skipIf(!browserAvailable)('pages load their code when first opened (lazy routes)', () => {
  let session: E2eSession;
  const opened = openSessionForSuite({ signInAsOwner: false });
  beforeAll(() => ({ session } = opened));

  async function signIn(page: Page): Promise<void> {
    await logIn(page, { email: session.server.adminEmail, password: session.server.adminPassword });
    await expectShown(page, session, menuPages[0]);
  }

  it('opens every page of the side menu from the menu, each fetching its own code on its first visit', async () => {
    const page = await session.newPage();
    const assets = watchAssets(page);
    await signIn(page);
    expect(assets.takeNewScripts().length, 'scripts for the sign-in page and the dashboard').toBeGreaterThan(0);
    // The list above is the whole menu: a new menu entry fails here until it is added.
    await expect(sideMenu(page).locator('.ant-menu-item').allTextContents()).resolves.toEqual(menuPages.map((p) => p.label));

    for (const target of menuPages.slice(1)) {
      await sideMenu(page).getByText(target.label, { exact: true }).click();
      await expectShown(page, session, target);
      expect(assets.takeNewScripts().map((r) => r.url()), `code fetched on opening ${target.path}`).not.toEqual([]);
    }
    // Back to a page seen before: its code is already there.
    await sideMenu(page).getByText(menuPages[0].label, { exact: true }).click();
    await expectShown(page, session, menuPages[0]);
    expect(assets.takeNewScripts().map((r) => r.url()), 'code fetched again for the dashboard').toEqual([]);
    expect(assets.failed, 'failed script or style requests').toEqual([]);
  });

  it('opens every page of the side menu by its address', async () => {
    const page = await session.newPage();
    const assets = watchAssets(page);
    await signIn(page);
    for (const target of menuPages) {
      const before = assets.fetchedCount();
      await page.goto(target.path);
      await expectShown(page, session, target);
      // A fresh context: every page but the dashboard (opened on signing in) is a first visit.
      if (target.path !== menuPages[0].path) expect(assets.fetchedCount(), `code fetched on opening ${target.path}`).toBeGreaterThan(before);
    }
    expect(assets.failed, 'failed script or style requests').toEqual([]);
  });

  it('loads the English texts only when the language is switched, and then only them', async () => {
    const page = await session.newPage();
    const assets = watchAssets(page);
    await page.goto('/login');
    await page.getByText(chineseLoginFooter).waitFor();
    await expect(assets.scriptsContaining(chineseLoginFooter)).resolves.not.toEqual([]);
    await expect(assets.scriptsContaining(englishLoginFooter), 'English texts before the switch').resolves.toEqual([]);

    const englishTexts = page.waitForResponse(async (r) => isScriptOrStyle(r.url()) && (await r.body()).toString('utf8').includes(englishLoginFooter));
    await switchLanguage(page, 'English');
    await englishTexts;
    await page.getByText(englishLoginFooter).waitFor();
    await page.getByRole('button', { name: /Log in$/ }).waitFor();
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('en-US');

    // The choice is kept: a reload in English downloads no Chinese texts.
    const again = watchAssets(page);
    await page.reload();
    await page.getByText(englishLoginFooter).waitFor();
    await expect(again.scriptsContaining(chineseLoginFooter), 'Chinese texts after reloading in English').resolves.toEqual([]);

    // The pages behind the login bring their English texts with them.
    await page.getByLabel('Email').fill(session.server.adminEmail);
    await page.getByLabel('Password').fill(session.server.adminPassword);
    await page.getByRole('button', { name: /Log in$/ }).click();
    await page.waitForURL(/\/dashboard$/);
    await waitForTitle(page, 'Dashboard');
    await sideMenu(page).getByText('Clients', { exact: true }).waitFor();
    expect([...assets.failed, ...again.failed], 'failed script or style requests').toEqual([]);
  });
});
