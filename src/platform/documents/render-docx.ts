import { AlignmentType, BorderStyle, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { DocumentBlock, DocumentDraft } from '../../domain/workflow/draft-documents.ts';

// 宋体 for the text and 黑体 for headings, the usual faces of Chinese official documents; sizes in half-points.
const body = { ascii: 'SimSun', hAnsi: 'SimSun', eastAsia: '宋体', cs: 'SimSun' };
const bold = { ascii: 'SimHei', hAnsi: 'SimHei', eastAsia: '黑体', cs: 'SimHei' };
const line = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

function toParagraphs(block: DocumentBlock): Array<Paragraph | Table> {
  switch (block.kind) {
    case 'title':
      return [new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 360 }, children: [new TextRun({ text: block.text, font: bold, size: 36, bold: true })] })];
    case 'heading':
      return [new Paragraph({ spacing: { before: 240, after: 120 }, children: [new TextRun({ text: block.text, font: bold, size: 28 })] })];
    case 'paragraph':
      return [
        new Paragraph({
          alignment: block.align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
          // Two characters of first-line indent for running text, as Chinese documents are set.
          indent: block.align === 'right' ? undefined : { firstLine: 560 },
          spacing: { line: 400 },
          children: [new TextRun({ text: block.text, font: body, size: 28 })],
        }),
      ];
    case 'table': {
      const cell = (text: string, header: boolean) =>
        new TableCell({ borders: { top: line, bottom: line, left: line, right: line }, children: [new Paragraph({ children: [new TextRun({ text, font: header ? bold : body, size: 24 })] })] });
      return [
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: [new TableRow({ tableHeader: true, children: block.header.map((h) => cell(h, true)) }), ...block.rows.map((row) => new TableRow({ children: row.map((c) => cell(c, false)) }))],
        }),
      ];
    }
  }
}

/** A drafted document as a Word file (DOCX), A4 with the usual margins. */
export async function renderDocx(draft: DocumentDraft): Promise<Buffer> {
  const doc = new Document({
    creator: 'LicenseDesk',
    title: draft.title,
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1440, bottom: 1440, left: 1588, right: 1474 } } },
        children: draft.blocks.flatMap(toParagraphs),
      },
    ],
  });
  return Packer.toBuffer(doc);
}
