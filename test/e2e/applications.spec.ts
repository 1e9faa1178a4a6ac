import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAvailable } from './support/browser.ts';
import { openSessionForSuite, snap, type E2eSession } from './support/session.ts';
import { chooseOption, expectCall, logIn, openFromMenu, tableRows, waitForTitle } from './support/app-actions.ts';
import { confirmMove, createClientUser, findClientId, headerStateTag, materialRow, materialStatus, openDialog, openMove, uploadMaterial } from './support/application-actions.ts';
import { sampleFiles } from '../support/multipart.ts';

const fuzhou = '福州示例呼叫服务有限公司（演示）';
const pdf = (name: string) => ({ name, mimeType: 'application/pdf', buffer: sampleFiles.pdf(4096) });

describe.skipIf(!browserAvailable)('applications (申请) in the browser', () => {
  let session: E2eSession;
  let page: Page;
  let applicationPath = '';
  let fuzhouUser: { email: string; password: string };
  let shanghaiUser: { email: string; password: string };
  const opened = openSessionForSuite({ signInAsOwner: true });
  beforeAll(async () => {
    ({ session, page } = opened);
    fuzhouUser = await createClientUser(page, { name: '福州客户联系人', clientId: await findClientId(page, '福州示例') });
    shanghaiUser = await createClientUser(page, { name: '上海客户联系人', clientId: await findClientId(page, '上海示例') });
  });

  async function signInAs(user: { email: string; password: string }): Promise<Page> {
    const other = await session.newPage();
    await logIn(other, user);
    await other.waitForURL(/\/dashboard$/);
    return other;
  }

  it('opens an application for a client from its page, and lands on the new application', async () => {
    await page.goto(`/clients?q=${encodeURIComponent('福州示例')}`);
    await tableRows(page).first().getByRole('link').click();
    await waitForTitle(page, fuzhou);
    await page.getByTestId('client-applications').getByText('该客户还没有申请。').waitFor();

    await page.getByRole('button', { name: '新建申请' }).click();
    const dialog = openDialog(page);
    await dialog.getByText(fuzhou).waitFor();
    await expect(dialog.textContent()).resolves.toContain('国内呼叫中心业务');
    await chooseOption(page, 'scope', '福建省');
    const created = await expectCall(page, { method: 'POST', path: /^\/api\/applications$/ }, () => dialog.getByRole('button', { name: /新\s?建$/ }).click());
    expect(created.status()).toBe(201);

    await page.waitForURL(/\/applications\/[0-9a-f-]{36}$/);
    applicationPath = new URL(page.url()).pathname;
    await waitForTitle(page, fuzhou);
    await expect.poll(() => headerStateTag(page).textContent()).toBe('草稿（待签代办合同）');
    await expect(page.getByTestId('application-steps').getAttribute('data-current-step')).resolves.toBe('1');
    await page.getByText('国内呼叫中心业务（B24-1） · 福建省（省内）').waitFor();
  });

  it('records the agency contract, which moves the application to collecting materials', async () => {
    const dialog = await openMove(page, '记录合同，开始准备材料');
    await dialog.locator('#contractFeeYuan').fill('30000');
    const moved = await confirmMove(page);
    expect(moved.status()).toBe(200);
    await expect.poll(() => headerStateTag(page).textContent()).toBe('准备材料');
    await expect(page.getByTestId('application-steps').getAttribute('data-current-step')).resolves.toBe('2');
    await page.getByTestId('application-facts').getByText('¥30,000').waitFor();
    await page.getByTestId('activity-event').filter({ hasText: '将状态从“草稿（待签代办合同）”改为“准备材料”' }).waitFor();
  });

  it('shows the server’s reason in the form when a move’s rules refuse it', async () => {
    await openMove(page, '材料齐备，开始撰写');
    const refused = await confirmMove(page);
    expect(refused.status()).toBe(409);
    const reason = page.getByTestId('transition-refused');
    await expect.poll(() => reason.textContent()).toContain('以下必备材料尚未审核通过：');
    await expect(reason.textContent()).resolves.toContain('营业执照');
    await openDialog(page).getByRole('button', { name: /取\s?消/ }).click();
    await expect.poll(() => headerStateTag(page).textContent()).toBe('准备材料');
  });

  it('uploads a PDF with its progress, refuses a file of the wrong type, and sends a file back with a reason', async () => {
    const uploaded = await uploadMaterial(page, 'business-licence', pdf('营业执照.pdf'));
    expect(uploaded.status()).toBe(201);
    const progress = materialRow(page, 'business-licence').getByTestId('upload-progress');
    await expect.poll(() => progress.getAttribute('data-status')).toBe('done');
    await expect(progress.getByRole('progressbar').getAttribute('aria-valuenow')).resolves.toBe('100');
    await expect.poll(() => materialStatus(page, 'business-licence').textContent()).toBe('待审核');
    await materialRow(page, 'business-licence').getByText('第 1 版 · 营业执照.pdf').waitFor();
    const href = await materialRow(page, 'business-licence').getByRole('link', { name: /下载/ }).getAttribute('href');
    const download = await page.request.get(href!);
    expect(download.status()).toBe(200);
    expect((await download.body()).subarray(0, 8).toString('latin1')).toBe('%PDF-1.7');

    // The trunk-line contract takes PDF only: a PNG is refused by the server, and its reason is shown by the item.
    const refused = await uploadMaterial(page, 'trunk-line-contract', { name: 'line.png', mimeType: 'image/png', buffer: sampleFiles.png() });
    expect(refused.status()).toBe(400);
    await expect.poll(() => materialRow(page, 'trunk-line-contract').getByTestId('upload-error').textContent()).toMatch(/\S/);
    await expect(materialStatus(page, 'trunk-line-contract').textContent()).resolves.toBe('待上传');

    // A second item, accepted, so the checklist shows each status.
    await uploadMaterial(page, 'company-profile', pdf('公司概况.pdf'));
    await expectCall(page, { method: 'POST', path: /\/materials\/company-profile\/review$/ }, () => materialRow(page, 'company-profile').getByRole('button', { name: /通\s?过$/ }).click());
    await expect.poll(() => materialStatus(page, 'company-profile').textContent()).toBe('已通过');

    await materialRow(page, 'business-licence').getByRole('button', { name: /退\s?回$/ }).click();
    const dialog = openDialog(page);
    await dialog.getByRole('textbox').fill('扫描件四角不完整，请重新扫描彩色件');
    const rejected = await expectCall(page, { method: 'POST', path: /\/materials\/business-licence\/review$/ }, () => dialog.getByRole('button', { name: /退\s?回$/ }).click());
    expect(rejected.status()).toBe(200);
    await expect.poll(() => materialStatus(page, 'business-licence').textContent()).toBe('已退回');
    await materialRow(page, 'business-licence').getByTestId('rejection-reason').getByText('退回原因：扫描件四角不完整，请重新扫描彩色件').waitFor();
    await page.getByTestId('activity-event').filter({ hasText: '退回了「营业执照」第 1 版' }).waitFor();
    await snap(page, 'application-detail');
  });

  it('lets the client company’s user read the reason and upload a new version, without fees or moves', async () => {
    const client = await signInAs(fuzhouUser);
    await openFromMenu(client, '申请');
    await waitForTitle(client, '申请');
    await expect.poll(() => tableRows(client).count()).toBe(1);
    await expect(client.getByRole('button', { name: '新建申请' }).count()).resolves.toBe(0);
    await tableRows(client).first().getByRole('link', { name: fuzhou }).click();
    await waitForTitle(client, fuzhou);

    await materialRow(client, 'business-licence').getByText('退回原因：扫描件四角不完整，请重新扫描彩色件').waitFor();
    await client.getByText('办理进度由代办机构更新').waitFor();
    await expect(client.getByTestId('transition-actions').count()).resolves.toBe(0);
    await expect(client.getByTestId('application-facts').textContent()).resolves.not.toContain('代办费用');
    await expect(client.locator('body').textContent()).resolves.not.toContain('30,000');
    await expect(materialRow(client, 'business-licence').getByRole('button', { name: /通\s?过$/ }).count()).resolves.toBe(0);

    const uploaded = await uploadMaterial(client, 'business-licence', pdf('营业执照-重新扫描.pdf'));
    expect(uploaded.status()).toBe(201);
    await expect.poll(() => materialStatus(client, 'business-licence').textContent()).toBe('待审核');
    await materialRow(client, 'business-licence').getByText('第 2 版 · 营业执照-重新扫描.pdf').waitFor();
  });

  it('lets staff accept the new version', async () => {
    await page.goto(applicationPath);
    await waitForTitle(page, fuzhou);
    await materialRow(page, 'business-licence').getByText('第 2 版 · 营业执照-重新扫描.pdf').waitFor();
    await expect.poll(() => materialStatus(page, 'business-licence').textContent()).toBe('待审核');
    const accepted = await expectCall(page, { method: 'POST', path: /\/materials\/business-licence\/review$/ }, () =>
      materialRow(page, 'business-licence').getByRole('button', { name: /通\s?过$/ }).click(),
    );
    expect(accepted.status()).toBe(200);
    await expect.poll(() => materialStatus(page, 'business-licence').textContent()).toBe('已通过');
    await page.getByTestId('activity-event').filter({ hasText: '上传了「营业执照」第 2 版' }).filter({ hasText: '福州客户联系人' }).waitFor();
  });

  it('saves the business description with the version it was read at', async () => {
    await page.locator('#seats').fill('120');
    await page.locator('#staff').fill('150');
    await page.locator('#operatingMode').fill('自建呼叫中心，为委托单位提供呼入客服');
    const saved = await expectCall(page, { method: 'PATCH', path: /^\/api\/applications\/[0-9a-f-]{36}$/ }, () => page.getByRole('button', { name: /保\s?存$/ }).click());
    expect(saved.status()).toBe(200);
    await page.getByTestId('activity-event').filter({ hasText: '修改了业务说明' }).waitFor();
    await page.reload();
    await expect.poll(() => page.locator('#seats').inputValue()).toBe('120');
    await expect(page.locator('#operatingMode').inputValue()).resolves.toBe('自建呼叫中心，为委托单位提供呼入客服');
  });

  it('hides the application from a user of another client company', async () => {
    const other = await signInAs(shanghaiUser);
    await openFromMenu(other, '申请');
    await other.getByText('贵公司暂时没有申请').waitFor();
    await expect(tableRows(other).count()).resolves.toBe(0);

    await other.goto(applicationPath);
    await other.getByText('该申请不存在，或您无权查看。').waitFor();
    await expect(other.locator('body').textContent()).resolves.not.toContain(fuzhou);
  });

  it('lists applications with their state in words, filters them, and groups them by state on the board', async () => {
    await openFromMenu(page, '申请');
    await waitForTitle(page, '申请');
    const row = tableRows(page).filter({ hasText: fuzhou });
    await expect.poll(() => row.textContent()).toContain('准备材料');
    await expect(row.textContent()).resolves.toContain('福建省（省内）');
    await snap(page, 'applications-list');

    await page.goto('/applications?state=submitted');
    await page.getByText('没有符合条件的申请').waitFor();
    await page.getByRole('button', { name: '清除筛选' }).click();
    await expect.poll(() => tableRows(page).filter({ hasText: fuzhou }).count()).toBe(1);

    await page.locator('.ant-segmented-item').filter({ hasText: '看板' }).click();
    await page.waitForURL(/view=board/);
    const column = page.getByTestId('board-column-collecting');
    await column.getByTestId('board-card').filter({ hasText: fuzhou }).waitFor();
    await expect(page.getByTestId('board-column-draft').getByTestId('board-card').count()).resolves.toBe(0);
    await snap(page, 'applications-board');
  });
});
