import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PassThrough, type Readable } from 'node:stream';
import yazl from 'yazl';
import type { AppContext } from '../../app-context.ts';
import { draftDocument, draftMaterialsIndex, draftableDocuments, type DocumentDraft, type DocumentFacts, type DraftableDocument } from '../../domain/workflow/draft-documents.ts';
import { AppError, notFound } from '../../platform/errors/app-error.ts';
import { renderDocx } from '../../platform/documents/render-docx.ts';
import { scopeOf, type Actor } from '../access/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { findClient, toClient } from '../clients/repository.ts';
import * as files from './materials-repository.ts';
import { assertOpen, listApplicationMaterials, mimeOf, requireItem, storeMaterialVersion } from './materials-service.ts';
import type { ApplicationListRow } from './repository.ts';
import { requireApplication } from './service.ts';
import { toApplication } from './to-application.ts';

export const docxMime = mimeOf.docx;

async function factsOf(ctx: AppContext, actor: Actor, application: ApplicationListRow): Promise<DocumentFacts> {
  const row = await findClient(ctx.db, { ...scopeOf(actor), clientId: null }, application.clientId);
  if (!row) throw notFound({ zh: '客户', en: 'Client company' });
  const company = toClient(row);
  return { company, application: { serviceCode: application.serviceCode, scope: application.scope, business: toApplication(application, actor, ctx.clock.today()).business }, today: ctx.clock.today() };
}

async function indexDraft(ctx: AppContext, actor: Actor, application: ApplicationListRow, facts: DocumentFacts): Promise<DocumentDraft> {
  const checklist = await listApplicationMaterials(ctx, actor, application.id);
  return draftMaterialsIndex(facts, checklist.map((m) => ({ title: m.title.zh, required: m.required, version: m.versions.at(-1)?.version ?? null, status: m.status })));
}

/**
 * Drafts a document as DOCX. A generated checklist item (application letter, business description, commitment
 * letter) becomes that item's next version, reviewed like an upload; the materials index is only returned.
 */
export async function generateDocument(ctx: AppContext, actor: Actor, input: { id: string; key: string }): Promise<{ content: Buffer; fileName: string; missing: string[] }> {
  const application = await requireApplication(ctx, actor, input.id);
  if (!(draftableDocuments as readonly string[]).includes(input.key)) {
    throw new AppError('NOT_FOUND', { zh: `没有可生成的文书“${input.key}”（可选：${draftableDocuments.join('、')}）`, en: `No document '${input.key}' can be generated (one of: ${draftableDocuments.join(', ')})` }, [
      { field: 'key', code: 'DOCUMENT_UNKNOWN', message: { zh: '不可生成', en: 'not a generated document' } },
    ]);
  }
  const key = input.key as DraftableDocument;
  const facts = await factsOf(ctx, actor, application);
  if (key === 'materials-index') {
    const draft = await indexDraft(ctx, actor, application, facts);
    return { content: await renderDocx(draft), fileName: `${draft.title}.docx`, missing: [] };
  }
  const item = await requireItem(ctx.db, scopeOf(actor), application, key);
  assertOpen(application);
  const draft = draftDocument(key, facts);
  const content = await renderDocx(draft);
  const tempPath = path.join(ctx.blobs.tempDir, `${randomUUID()}.part`);
  await fs.promises.mkdir(ctx.blobs.tempDir, { recursive: true });
  await fs.promises.writeFile(tempPath, content, { flag: 'wx' });
  const fileName = `${draft.title}.docx`;
  await storeMaterialVersion(ctx, actor, { application, item, file: { tempPath, sha256: createHash('sha256').update(content).digest('hex'), size: content.length, fileName, fileType: 'docx', source: 'generated' } });
  return { content, fileName, missing: draft.missing };
}

/** What the package holds, written into it as manifest.json so a reader can check every file. */
interface ManifestEntry {
  path: string;
  item: string;
  title: string;
  version: number;
  sha256: string;
  size: number;
  review: string;
}

const safeName = (text: string) => text.replace(/[\\/:*?"<>|\s]+/g, '_');

/**
 * The submission package as a ZIP, streamed: the latest version of every item that has one, named by its place in
 * the checklist, the materials index (DOCX) and a manifest with each file's SHA-256. Nothing is held in memory.
 */
export async function buildPackage(ctx: AppContext, actor: Actor, id: string): Promise<{ stream: Readable; fileName: string }> {
  const application = await requireApplication(ctx, actor, id);
  const facts = await factsOf(ctx, actor, application);
  const checklist = await listApplicationMaterials(ctx, actor, id);
  const latestRows = await files.listMaterialFiles(ctx.db, scopeOf(actor), id);
  const zip = new yazl.ZipFile();
  const manifest: ManifestEntry[] = [];
  // Each file is opened only when the ZIP reaches it, so at most one is open at a time, and a download cancelled
  // part-way leaves nothing open behind it.
  let current: Readable | null = null;
  for (const [i, item] of checklist.entries()) {
    const latest = latestRows.filter((r) => r.itemKey === item.key).at(-1);
    if (!latest) continue;
    const ext = latest.fileType === 'jpg' ? 'jpg' : latest.fileType;
    const entry = `${String(i + 1).padStart(2, '0')}-${safeName(item.title.zh)}.${ext}`;
    zip.addReadStreamLazy(entry, { size: Number(latest.size), compress: !(ext === 'pdf' || ext === 'jpg' || ext === 'png') }, (done) => {
      ctx.blobs.open(ctx.db, latest.sha256).then(
        (stream) => {
          if (!stream) return done(new Error(`the content of ${entry} is missing`), null as never);
          current = stream;
          stream.on('error', () => undefined); // reported through the ZIP, which ends the download
          done(null, stream);
        },
        (error: unknown) => done(error, null as never),
      );
    });
    manifest.push({ path: entry, item: item.key, title: item.title.zh, version: Number(latest.version), sha256: latest.sha256, size: Number(latest.size), review: latest.review });
  }
  const index = await renderDocx(await indexDraft(ctx, actor, application, facts));
  zip.addBuffer(index, '00-申请材料目录.docx');
  const generatedAt = ctx.clock.now();
  zip.addBuffer(Buffer.from(JSON.stringify({ application: { id, client: application.clientName, uscc: facts.company.uscc, serviceCode: application.serviceCode, scope: application.scope, state: application.state }, generatedAt, files: manifest }, null, 2)), 'manifest.json');
  zip.end();
  await recordAudit(ctx.db, {
    actor, clock: ctx.clock, action: 'application.package.download', entityType: 'application', entityId: id,
    summary: { zh: `下载「${application.clientName}」的申请材料包（${manifest.length} 个文件）`, en: `Downloaded the application package of "${application.clientName}" (${manifest.length} files)` },
  });
  const out = new PassThrough();
  // A file that fails mid-way ends the download with an error rather than a ZIP that looks whole.
  (zip as unknown as NodeJS.EventEmitter).on('error', (error: Error) => out.destroy(error));
  // The reader went away: close the file being read, and stop reading the rest.
  out.on('close', () => {
    (current as Readable | null)?.destroy();
    (zip.outputStream as Readable).unpipe(out);
  });
  zip.outputStream.pipe(out);
  return { stream: out, fileName: `${safeName(application.clientName)}-${application.serviceCode}-申请材料.zip` };
}
