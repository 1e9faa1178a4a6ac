import path from 'node:path';

/** A sheet as xl/workbook.xml lists it, in tab order. */
export interface WorkbookSheet {
  name: string;
  state: 'visible' | 'hidden' | 'veryHidden';
  relationshipId: string;
}

export interface WorkbookInfo {
  sheets: WorkbookSheet[];
  date1904: boolean;
}

/** One relationship of an OPC part (xl/_rels/workbook.xml.rels): which part plays which role. */
export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (whole, name: string) => {
    const lower = name.toLowerCase();
    if (lower.startsWith('#x')) return String.fromCodePoint(parseInt(lower.slice(2), 16));
    if (lower.startsWith('#')) return String.fromCodePoint(parseInt(lower.slice(1), 10));
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[lower] ?? whole;
  });
}

/** The attributes of each `<tag …>` (any namespace prefix), keyed by name with its prefix. */
function elements(xml: string, tag: string): Array<Record<string, string>> {
  const found: Array<Record<string, string>> = [];
  for (const element of xml.matchAll(new RegExp(`<(?:[\\w.-]+:)?${tag}\\b([^>]*)>`, 'g'))) {
    const attributes: Record<string, string> = {};
    for (const a of element[1].matchAll(/([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) attributes[a[1]] = decodeXml(a[2] ?? a[3]);
    found.push(attributes);
  }
  return found;
}

const isTrue = (value: string | undefined) => value === '1' || value === 'true';

/** The sheets (in tab order, with their visibility) and the date system of xl/workbook.xml. */
export function parseWorkbookXml(xml: string): WorkbookInfo {
  const sheets = elements(xml, 'sheet').map((a): WorkbookSheet => {
    const idKey = Object.keys(a).find((key) => key.endsWith(':id')) ?? 'id';
    const state = a.state === 'hidden' || a.state === 'veryHidden' ? a.state : 'visible';
    return { name: a.name ?? '', state, relationshipId: a[idKey] ?? '' };
  });
  return { sheets, date1904: isTrue(elements(xml, 'workbookPr')[0]?.date1904) };
}

export function parseRelationships(xml: string): Relationship[] {
  return elements(xml, 'Relationship').map((a) => ({ id: a.Id ?? '', type: a.Type ?? '', target: a.Target ?? '', external: a.TargetMode === 'External' }));
}

/** A relationship target of xl/workbook.xml as the path of a zip entry, lower-cased (OPC part names ignore case). */
function resolveWorkbookTarget(target: string): string {
  const resolved = target.startsWith('/') ? target.slice(1) : path.posix.join('xl', target);
  return path.posix.normalize(resolved).toLowerCase();
}

/** The part a workbook relationship of this type (`…/sharedStrings`, `…/styles`) points to. */
export function findWorkbookPart(relationships: readonly Relationship[], typeSuffix: string): string | null {
  const rel = relationships.find((r) => !r.external && r.type.endsWith(`/${typeSuffix}`));
  return rel ? resolveWorkbookTarget(rel.target) : null;
}

/**
 * The first worksheet in tab order that is visible (not hidden or veryHidden) and whose part is in the zip: the sheet an
 * import reads. Chart sheets are passed over.
 */
export function findFirstVisibleWorksheet(workbook: WorkbookInfo, relationships: readonly Relationship[], hasPart: (partPath: string) => boolean): { name: string; partPath: string } | null {
  for (const sheet of workbook.sheets) {
    if (sheet.state !== 'visible') continue;
    const rel = relationships.find((r) => r.id === sheet.relationshipId);
    if (!rel || rel.external || !rel.type.endsWith('/worksheet')) continue;
    const partPath = resolveWorkbookTarget(rel.target);
    if (hasPart(partPath)) return { name: sheet.name, partPath };
  }
  return null;
}

const localeDateFormatIds = [27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58];

/**
 * xl/styles.xml with the East Asian built-in date formats (ids 27–36 and 50–58, e.g. 31 = yyyy"年"m"月"d"日") declared
 * explicitly. Excel in China writes them by id only, and exceljs knows them by no format code, so their dates would
 * read as bare serial numbers.
 */
export function declareLocaleDateFormats(stylesXml: string): string {
  const declared = new Set(elements(stylesXml, 'numFmt').map((a) => Number(a.numFmtId)));
  const missing = localeDateFormatIds.filter((id) => !declared.has(id));
  if (missing.length === 0) return stylesXml;
  const added = missing.map((id) => `<numFmt numFmtId="${id}" formatCode="yyyy-mm-dd"/>`).join('');
  if (/<numFmts\b[^>]*\/>/.test(stylesXml)) return stylesXml.replace(/<numFmts\b[^>]*\/>/, `<numFmts>${added}</numFmts>`);
  if (stylesXml.includes('</numFmts>')) return stylesXml.replace('</numFmts>', `${added}</numFmts>`);
  // numFmts is the first child of styleSheet.
  return stylesXml.replace(/<styleSheet\b[^>]*>/, (open) => `${open}<numFmts>${added}</numFmts>`);
}
