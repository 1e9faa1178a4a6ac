import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../../support/start-server.ts';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { launchBrowser } from './browser.ts';
import { logIn } from './app-actions.ts';

export interface E2eSession {
  server: TestServer;
  browser: Browser;
  /** A fresh page in its own context (own cookies and localStorage). */
  newPage(): Promise<Page>;
  /**
   * Console errors and uncaught page errors seen so far, on every page of the session (a content-security-policy
   * violation shows up here). HTTP error answers the tests provoke on purpose are left out.
   */
  consoleErrors: string[];
  close(): Promise<void>;
}

/** A real server on a fresh database, and a real Chromium pointed at it. */
export async function openSession(options: { serverEnv?: Record<string, string> } = {}): Promise<E2eSession> {
  const server = await startTestServer({ env: options.serverEnv });
  const browser = await launchBrowser();
  const contexts: BrowserContext[] = [];
  const consoleErrors: string[] = [];
  return {
    server,
    browser,
    consoleErrors,
    async newPage() {
      // Reduced motion: the app then turns antd's animations off, so nothing is clicked while it moves.
      const context = await browser.newContext({ baseURL: server.url, locale: 'zh-CN', viewport: { width: 1366, height: 860 }, reducedMotion: 'reduce' });
      contexts.push(context);
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      page.on('pageerror', (error) => consoleErrors.push(`page error: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) consoleErrors.push(message.text());
      });
      return page;
    },
    async close() {
      await Promise.allSettled(contexts.map((context) => context.close()));
      await browser.close();
      await server.close();
    },
  };
}

/** Screenshot for a human to look at, only when E2E_SHOTS_DIR is set. */
export async function snap(page: Page, name: string): Promise<void> {
  const dir = process.env.E2E_SHOTS_DIR;
  if (!dir) return;
  fs.mkdirSync(dir, { recursive: true });
  // Let loading overlays go so the picture shows what a user would look at (motion is off in tests).
  await page.locator('.ant-spin-spinning').first().waitFor({ state: 'detached', timeout: 5_000 }).catch(() => undefined);
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}

/** Keeps a screenshot of the page as it was when a test failed, and says where it is. */
export async function keepFailureScreenshot(page: Page | undefined, testName: string): Promise<void> {
  if (!page || page.isClosed()) return;
  const dir = process.env.E2E_FAILURE_DIR ?? path.join(os.tmpdir(), 'licensedesk-e2e-failures');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${testName.replace(/[^\w\u4e00-\u9fff-]+/g, '-').slice(0, 80)}.png`);
  await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
  console.error(`[e2e] failure screenshot: ${file} (at ${page.url()})`);
}

/**
 * Registers a spec file's hooks: a server and browser before all tests (signed in as the owner when asked),
 * a screenshot kept for each failing test, and everything closed afterwards. The object is filled in beforeAll.
 */
export function openSessionForSuite(options: { signInAsOwner: boolean; serverEnv?: Record<string, string> }): { session: E2eSession; page: Page } {
  const opened = {} as { session: E2eSession; page: Page };
  beforeAll(async () => {
    opened.session = await openSession({ serverEnv: options.serverEnv });
    opened.page = await opened.session.newPage();
    if (!options.signInAsOwner) return;
    await logIn(opened.page, { email: opened.session.server.adminEmail, password: opened.session.server.adminPassword });
    await opened.page.waitForURL(/\/dashboard$/);
  });
  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') await keepFailureScreenshot(opened.page, task.name);
    // Every test also proves the page ran cleanly: no script error and nothing the security policy refused.
    const errors = opened.session.consoleErrors.splice(0);
    expect(errors, 'console errors in the browser').toEqual([]);
  });
  afterAll(async () => {
    await opened.session?.close();
  });
  return opened;
}
