import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAvailable } from './support/browser.ts';
import { openSessionForSuite, snap, type E2eSession } from './support/session.ts';
import { chooseOption, expectCall, logIn, openFromMenu, tableRows, waitForTitle } from './support/app-actions.ts';
import {
  acceptRequiredItemsThroughApi,
  confirmMove,
  createClientThroughApi,
  createClientUser,
  findClientId,
  headerStateTag,
  materialRow,
  materialStatus,
  missingFacts,
  openDialog,
  openMove,
  uploadMaterial,
} from './support/application-actions.ts';
import { validUscc } from './support/uscc.ts';
import { sampleFiles } from '../support/multipart.ts';

const fuzhou = '福州示例呼叫服务有限公司（演示）';
const beijing = '北京示例呼叫中心有限公司（演示）';
const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
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
    // Staff-only tools stay hidden: drafting documents, the package (403 for client users), adding items, the self-check.
    await client.getByTestId('timeline-card').getByTestId('expected-issue-on').waitFor();
    await expect(client.getByTestId('generate-document').count()).resolves.toBe(0);
    await expect(client.getByTestId('application-package').count()).resolves.toBe(0);
    await expect(client.getByRole('button', { name: '添加材料项' }).count()).resolves.toBe(0);
    await expect(client.getByRole('button', { name: '设定计划日期' }).count()).resolves.toBe(0);
    await expect(client.getByTestId('eligibility-card').count()).resolves.toBe(0);
    await materialRow(client, 'application-letter').getByText('由代办机构起草后显示在这里。').waitFor();

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
    // The list's own empty state (the dashboard says much the same in a card of its own).
    await other.getByText('代办机构为贵公司新建申请后，会显示在这里。').waitFor();
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
  describe('a Beijing application, from the contract to the licence', () => {
    let beijingPath = '';
    let beijingId = '';
    const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

    it('shows the timeline with its expected issue date, and the company’s self-check', async () => {
      const clientId = await createClientThroughApi(page, {
        name: beijing,
        uscc: validUscc(),
        legalRepresentative: '周示例',
        registeredCapital: 3_000_000,
        businessScope: '呼叫中心业务；信息技术咨询服务',
        province: 'BJ',
        address: '北京市海淀区示例路 8 号',
        contactName: '吴联系',
        contactPhone: '010-66660001',
        contactEmail: 'bj-contact@example.com',
      });
      await page.goto(`/clients/${clientId}`);
      await waitForTitle(page, beijing);
      await page.getByRole('button', { name: '新建申请' }).click();
      const dialog = openDialog(page);
      await dialog.getByText(beijing).waitFor();
      await chooseOption(page, 'scope', '北京市');
      const created = await expectCall(page, { method: 'POST', path: /^\/api\/applications$/ }, () => dialog.getByRole('button', { name: /新\s?建$/ }).click());
      beijingId = ((await created.json()) as { id: string }).id;
      await page.waitForURL(new RegExp(`/applications/${beijingId}$`));
      beijingPath = `/applications/${beijingId}`;
      // Whoever opens it is in charge unless they pick someone else.
      await expect.poll(() => page.getByTestId('application-facts').locator('.ant-select').textContent()).toBe('管理员 Administrator');
      await openMove(page, '记录合同，开始准备材料');
      await openDialog(page).locator('#contractFeeYuan').fill('28000');
      expect((await confirmMove(page)).status()).toBe(200);
      await expect.poll(() => headerStateTag(page).textContent()).toBe('准备材料');

      const timeline = (await (await page.request.get(`/api/applications/${beijingId}/timeline`)).json()) as { expectedIssueOn: { on: string } };
      const card = page.getByTestId('timeline-card');
      await expect.poll(() => card.getByTestId('expected-issue-on').textContent()).toBe(timeline.expectedIssueOn.on);
      await card.getByText('预计取证日期').waitFor();
      await expect(card.locator('tr[data-stage="correction-notice"]').textContent()).resolves.toContain('4.1 一次性补正告知');
      // The contract's date is the first stage's actual date (after the move, the timeline reloads).
      await expect.poll(() => card.locator('tr[data-stage="sign-agency-contract"]').textContent()).toContain(today());

      // Targets set from the card show on the timeline, and the activity says what changed.
      await card.getByRole('button', { name: '设定计划日期' }).click();
      const dates = openDialog(page);
      await dates.locator('#issueBy').fill('2099-12-31');
      await dates.locator('#issueBy').press('Enter');
      const saved = await expectCall(page, { method: 'PATCH', path: /^\/api\/applications\/[0-9a-f-]{36}$/ }, () => dates.getByRole('button', { name: /保\s?存$/ }).click());
      expect(saved.status()).toBe(200);
      await card.getByTestId('timeline-target').filter({ hasText: '计划取证 2099-12-31' }).getByText('未到期').waitFor();
      await page.getByTestId('activity-event').filter({ hasText: '修改了计划日期' }).filter({ hasText: '计划取证：2099-12-31' }).waitFor();

      const eligibility = page.getByTestId('eligibility-card');
      await eligibility.getByTestId('eligibility-verdict').waitFor();
      await expect(eligibility.locator('[data-testid="eligibility-row"][data-result="pass"]').filter({ hasText: '注册地与发证机关' }).count()).resolves.toBe(1);
    });

    it('generates the three documents, saying which facts the business description still lacks', async () => {
      await page.locator('#seats').fill('80');
      await page.locator('#staff').fill('100');
      await expectCall(page, { method: 'PATCH', path: /^\/api\/applications\/[0-9a-f-]{36}$/ }, () => page.getByRole('button', { name: /保\s?存$/ }).click());
      await page.getByTestId('activity-event').filter({ hasText: '修改了业务说明' }).waitFor();

      const description = materialRow(page, 'business-description');
      await expect(materialStatus(page, 'business-description').textContent()).resolves.toBe('待生成');
      const drafted = await expectCall(page, { method: 'POST', path: /\/documents\/business-description$/ }, () => description.getByRole('button', { name: '生成文书' }).click());
      expect(drafted.status()).toBe(200);
      expect(drafted.headers()['content-type']).toContain(docxType);
      expect(missingFacts(drafted)).toContain('经营模式');
      const warning = description.getByTestId('document-missing');
      await expect.poll(() => warning.textContent()).toContain('经营模式');
      await expect(warning.textContent()).resolves.not.toContain('坐席数量');
      await expect.poll(() => materialStatus(page, 'business-description').textContent()).toBe('待审核');
      await description.getByText('第 1 版 · 业务说明.docx', { exact: false }).waitFor();
      await page.getByTestId('activity-event').filter({ hasText: '生成了「业务说明」第 1 版' }).waitFor();

      // With the description complete, the next draft lacks nothing and the warning goes.
      await page.locator('#operatingMode').fill('自建呼叫中心，为委托单位提供呼入客服');
      await page.locator('#coverage').fill('北京市');
      await page.locator('#trunkLines').fill('中国电信 2 条 E1 中继');
      await page.locator('#systemDescription').fill('呼叫中心系统、录音系统，部署于海淀区自有机房');
      await page.locator('#businessTypes').fill('呼入客服');
      await page.locator('#businessTypes').press('Enter');
      await expectCall(page, { method: 'PATCH', path: /^\/api\/applications\/[0-9a-f-]{36}$/ }, () => page.getByRole('button', { name: /保\s?存$/ }).click());
      await page.getByTestId('activity-event').filter({ hasText: '修改了业务说明' }).nth(1).waitFor();
      const complete = await expectCall(page, { method: 'POST', path: /\/documents\/business-description$/ }, () => description.getByRole('button', { name: '重新生成' }).click());
      expect(missingFacts(complete)).toEqual([]);
      await description.getByText('第 2 版 · 业务说明.docx', { exact: false }).waitFor();
      await expect.poll(() => warning.count()).toBe(0);

      for (const key of ['application-letter', 'commitment-letter']) {
        const answer = await expectCall(page, { method: 'POST', path: new RegExp(`/documents/${key}$`) }, () => materialRow(page, key).getByRole('button', { name: '生成文书' }).click());
        expect(answer.status()).toBe(200);
        await expect.poll(() => materialStatus(page, key).textContent()).toBe('待审核');
      }

      // A generated document is reviewed like an upload.
      await expectCall(page, { method: 'POST', path: /\/materials\/business-description\/review$/ }, () => description.getByRole('button', { name: /通\s?过$/ }).click());
      await expect.poll(() => materialStatus(page, 'business-description').textContent()).toBe('已通过');

      // The materials index is drafted on demand and downloaded, not stored.
      const [download, index] = await Promise.all([
        page.waitForEvent('download'),
        expectCall(page, { method: 'POST', path: /\/documents\/materials-index$/ }, () => page.getByTestId('materials-index').click()),
      ]);
      expect(index.headers()['content-type']).toContain(docxType);
      expect(download.suggestedFilename()).toBe('申请材料目录.docx');
    });

    it('adds a checklist item of the agency’s own, and removes one that has no files', async () => {
      async function addItem(title: string, required: boolean) {
        await page.getByRole('button', { name: '添加材料项' }).click();
        const dialog = openDialog(page);
        await dialog.locator('#title').fill(title);
        await dialog.locator('#hint').fill('出租方盖章的原件扫描');
        if (!required) await dialog.getByLabel('必备材料').uncheck();
        const added = await expectCall(page, { method: 'POST', path: /\/api\/applications\/[0-9a-f-]{36}\/materials$/ }, () => dialog.getByRole('button', { name: /添\s?加$/ }).click());
        expect(added.status()).toBe(201);
        const row = page.locator('[data-testid^="material-custom-"]').filter({ hasText: title });
        await row.getByText('自定义').waitFor();
        return row;
      }
      const kept = await addItem('房屋出租方同意转租证明', true);
      await expect(kept.textContent()).resolves.toContain('必备');
      await expect(kept.getByTestId('material-status').textContent()).resolves.toBe('待上传');

      const spare = await addItem('临时说明', false);
      await spare.getByRole('button', { name: /删\s?除$/ }).click();
      const removed = await expectCall(page, { method: 'DELETE', path: /\/materials\/custom-[0-9a-f]{8}$/ }, () => page.locator('.ant-popconfirm:not(.ant-popover-hidden)').getByRole('button', { name: /删\s?除$/ }).click());
      expect(removed.status()).toBe(204);
      await spare.waitFor({ state: 'detached' });
      await page.getByTestId('activity-event').filter({ hasText: '删除了材料项「临时说明」' }).waitFor();
      await page.getByTestId('activity-event').filter({ hasText: '添加了材料项「房屋出租方同意转租证明」' }).waitFor();
      await snap(page, 'application-documents');
    });

    it('accepts every required item, moves through drafting, submission and acceptance to the licence, and packages the files', async () => {
      const expectedIssueOn = ((await (await page.request.get(`/api/applications/${beijingId}/timeline`)).json()) as { expectedIssueOn: { on: string } }).expectedIssueOn.on;
      await acceptRequiredItemsThroughApi(page, { applicationId: beijingId, except: ['business-licence'], pdf: sampleFiles.pdf(2048) });
      await page.reload();
      await waitForTitle(page, beijing);
      await uploadMaterial(page, 'business-licence', pdf('营业执照.pdf'));
      await expect.poll(() => materialStatus(page, 'business-licence').textContent()).toBe('待审核');
      await expectCall(page, { method: 'POST', path: /\/materials\/business-licence\/review$/ }, () => materialRow(page, 'business-licence').getByRole('button', { name: /通\s?过$/ }).click());
      await expect.poll(() => materialStatus(page, 'business-licence').textContent()).toBe('已通过');
      await expect.poll(() => page.getByTestId('materials-summary').textContent()).toMatch(/必备材料 (\d+)\/\1 已通过/);

      await openMove(page, '材料齐备，开始撰写');
      expect((await confirmMove(page)).status()).toBe(200);
      await expect.poll(() => headerStateTag(page).textContent()).toBe('撰写申请');

      await openMove(page, '记录提交');
      expect((await confirmMove(page)).status()).toBe(200);
      await expect.poll(() => headerStateTag(page).textContent()).toBe('已提交');

      const acceptance = await openMove(page, '记录受理');
      await acceptance.locator('#acceptanceNo').fill('京通管受〔2026〕0001号');
      expect((await confirmMove(page)).status()).toBe(200);
      await expect.poll(() => headerStateTag(page).textContent()).toBe('已受理');

      const issue = await openMove(page, '记录发证');
      await issue.locator('#licenceNumber').fill('京B2-20261234');
      const issued = await confirmMove(page);
      expect(issued.status()).toBe(200);
      const { licenceExpiresOn, issuedOn } = (await issued.json()) as { licenceExpiresOn: string; issuedOn: string };
      expect(issuedOn).toBe(today());
      await expect.poll(() => headerStateTag(page).textContent()).toBe('已发证');
      const licence = page.getByTestId('issued-licence');
      await expect.poll(() => licence.textContent()).toContain('京B2-20261234');
      await expect(licence.textContent()).resolves.toContain(`有效期至 ${licenceExpiresOn}`);
      const timelineCard = page.getByTestId('timeline-card');
      await expect.poll(() => timelineCard.getByTestId('issued-on').textContent()).toBe(issuedOn);
      await timelineCard.getByText(`原预计 ${expectedIssueOn}`).waitFor();
      await page.getByText('申请已结束（已发证）。').waitFor();

      const href = await page.getByTestId('application-package').getAttribute('href');
      const zip = await page.request.get(href!);
      expect(zip.status()).toBe(200);
      expect(zip.headers()['content-type']).toContain('application/zip');
      expect((await zip.body()).subarray(0, 2).toString('latin1')).toBe('PK');
      await snap(page, 'application-issued');
    });

    it('finds the application by a character of the company’s name, and by service', async () => {
      await openFromMenu(page, '申请');
      await waitForTitle(page, '申请');
      const search = page.getByPlaceholder('搜索客户名称、信用代码或组织机构代码');
      await search.fill('北');
      await search.press('Enter');
      await page.waitForURL(/q=%E5%8C%97/);
      await expect.poll(() => tableRows(page).count()).toBe(1);
      await expect(tableRows(page).first().textContent()).resolves.toContain(beijing);

      await page.goto(`/applications?serviceCode=B11`);
      await page.getByText('没有符合条件的申请').waitFor();
      await page.goto(`/applications?serviceCode=B24-1&q=${encodeURIComponent('北京示例')}`);
      await expect.poll(() => tableRows(page).count()).toBe(1);
      await expect(page.getByPlaceholder('搜索客户名称、信用代码或组织机构代码').inputValue()).resolves.toBe('北京示例');
      await page.goto(beijingPath);
      await waitForTitle(page, beijing);

      // The dashboard shows where the latest applications stand.
      await openFromMenu(page, '工作台');
      const progress = page.getByTestId('dashboard-applications');
      await progress.locator('.ant-table-row').filter({ hasText: beijing }).getByText('已发证').waitFor();
      await expect(page.locator('body').textContent()).resolves.not.toContain('申请进度、许可证到期提醒');
    });
  });
});
