import type { IsoDate } from '../calendar/types.ts';
import { describeScope, findAuthority, type LicenceScope } from '../catalog/authorities.ts';
import { formatYuan } from '../catalog/format-yuan.ts';
import { findService } from '../catalog/services.ts';
import { ORDER_42, TELECOM_REGULATIONS } from '../catalog/sources.ts';

/** One block of a drafted document; a renderer turns these into DOCX (or anything else). */
export type DocumentBlock =
  | { kind: 'title'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string; align?: 'left' | 'right' }
  | { kind: 'table'; header: string[]; rows: string[][] };

/** A drafted document: its blocks, and the facts it still lacks (written into it as 【待补充：…】). */
export interface DocumentDraft {
  key: string;
  title: string;
  blocks: DocumentBlock[];
  missing: string[];
}

/** What the documents are written from: the client record, the application and its business description. */
export interface DocumentFacts {
  company: { name: string; uscc: string; legalRepresentative: string; registeredCapital: number | null; address: string; contactName: string; contactPhone: string; contactEmail: string };
  application: {
    serviceCode: string;
    scope: LicenceScope;
    business: { seats?: number; staff?: number; businessTypes?: string[]; operatingMode?: string; coverage?: string; systemDescription?: string; trunkLines?: string };
  };
  today: IsoDate;
}

/** The documents LicenseDesk drafts: the catalogue's generated items (Order 42 Art. 8; the guide's list) and an index. */
export const draftableDocuments = ['application-letter', 'business-description', 'commitment-letter', 'materials-index'] as const;
export type DraftableDocument = (typeof draftableDocuments)[number];

const chineseDate = (date: IsoDate) => {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

/** A fact, or a visible placeholder naming it (and a note of what is missing). */
function filler(missing: string[]) {
  return (value: string | number | null | undefined, label: string): string => {
    if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) {
      missing.push(label);
      return `【待补充：${label}】`;
    }
    return String(value);
  };
}

function serviceLine(facts: DocumentFacts) {
  const service = findService(facts.application.serviceCode);
  const klass = service?.class === 'B1' ? '第一类增值电信业务' : '第二类增值电信业务';
  return { service: service ? `${service.zh}（${service.code}）` : facts.application.serviceCode, klass, coverage: describeScope(facts.application.scope).zh };
}

const signature = (companyName: string, today: IsoDate): DocumentBlock[] => [
  { kind: 'paragraph', text: `申请单位（盖章）：${companyName}`, align: 'right' },
  { kind: 'paragraph', text: '法定代表人（签字）：', align: 'right' },
  { kind: 'paragraph', text: chineseDate(today), align: 'right' },
];

/** 经营增值电信业务书面申请 (Order 42 Art. 8 (一)): addressed to the issuing authority, naming services and coverage. */
function applicationLetter(facts: DocumentFacts): DocumentDraft {
  const missing: string[] = [];
  const fill = filler(missing);
  const { company } = facts;
  const { service, klass, coverage } = serviceLine(facts);
  const authority = findAuthority(facts.application.scope)?.zh ?? '发证机关';
  const capital = company.registeredCapital === null ? fill(null, '注册资本') : `${formatYuan(company.registeredCapital)}元`;
  const blocks: DocumentBlock[] = [
    { kind: 'title', text: '经营增值电信业务书面申请' },
    { kind: 'paragraph', text: `${authority}：` },
    {
      kind: 'paragraph',
      text: `${company.name}（统一社会信用代码：${company.uscc}）依据《${TELECOM_REGULATIONS}》和《${ORDER_42}》，申请经营${klass}中的${service}，业务覆盖范围为${coverage}。`,
    },
    { kind: 'paragraph', text: `本公司注册资本${capital}，法定代表人${fill(company.legalRepresentative, '法定代表人')}，注册地址为${fill(company.address, '注册地址')}。` },
    { kind: 'paragraph', text: `本公司已按要求准备申请材料，并承诺所提交材料真实、完整、有效。联系人：${fill(company.contactName, '联系人')}，联系电话：${fill(company.contactPhone, '联系电话')}${company.contactEmail ? `，电子邮箱：${company.contactEmail}` : ''}。` },
    { kind: 'paragraph', text: '特此申请，请予审批。' },
    ...signature(company.name, facts.today),
  ];
  return { key: 'application-letter', title: '经营增值电信业务书面申请', blocks, missing };
}

/** 业务说明 (the guide's call-centre list, item 8): seats, staff, business types and operating mode at least. */
function businessDescription(facts: DocumentFacts): DocumentDraft {
  const missing: string[] = [];
  const fill = filler(missing);
  const { company } = facts;
  const b = facts.application.business;
  const { service, coverage } = serviceLine(facts);
  const blocks: DocumentBlock[] = [
    { kind: 'title', text: '业务说明' },
    { kind: 'heading', text: '一、公司基本情况' },
    {
      kind: 'table',
      header: ['项目', '内容'],
      rows: [
        ['公司名称', company.name],
        ['统一社会信用代码', company.uscc],
        ['法定代表人', fill(company.legalRepresentative, '法定代表人')],
        ['注册资本', company.registeredCapital === null ? fill(null, '注册资本') : `${formatYuan(company.registeredCapital)}元`],
        ['注册地址', fill(company.address, '注册地址')],
      ],
    },
    { kind: 'heading', text: '二、申请业务种类及覆盖范围' },
    { kind: 'paragraph', text: `申请业务：${service}；覆盖范围：${coverage}${b.coverage ? `，具体为${b.coverage}` : ''}。` },
    { kind: 'heading', text: '三、业务规模' },
    { kind: 'paragraph', text: `坐席数量：${fill(b.seats, '坐席数量')}个；从业人员：${fill(b.staff, '从业人员数量')}人。` },
    { kind: 'heading', text: '四、业务类型' },
    { kind: 'paragraph', text: b.businessTypes && b.businessTypes.length > 0 ? b.businessTypes.join('、') : fill(null, '业务类型') },
    { kind: 'heading', text: '五、经营模式' },
    { kind: 'paragraph', text: fill(b.operatingMode, '经营模式') },
    { kind: 'heading', text: '六、系统及设备' },
    ...fill(b.systemDescription, '系统及设备说明').split('\n').map((line): DocumentBlock => ({ kind: 'paragraph', text: line })),
    { kind: 'heading', text: '七、中继线路' },
    { kind: 'paragraph', text: fill(b.trunkLines, '中继线路') },
    ...signature(company.name, facts.today),
  ];
  return { key: 'business-description', title: '业务说明', blocks, missing };
}

/** 依法经营电信业务承诺书 (Order 42 Art. 8 (九)). */
function commitmentLetter(facts: DocumentFacts): DocumentDraft {
  const { company } = facts;
  const { service } = serviceLine(facts);
  const pledges = [
    `遵守《${TELECOM_REGULATIONS}》《${ORDER_42}》及国家其他有关法律、法规和规定，依法经营${service}。`,
    '按照许可证载明的业务种类和覆盖范围开展经营活动，不超范围经营，不转租、转借或者以其他方式转让许可证。',
    '建立健全网络与信息安全保障措施，落实用户真实身份信息登记和个人信息保护要求。',
    '为用户提供长期服务和质量保障，公布服务内容和收费标准，及时处理用户投诉。',
    '按时报送年报，如实反映经营情况；公司名称、法定代表人、注册资本等事项变更时依法办理变更手续。',
    '自觉接受电信管理机构的监督检查；如有违反，愿意承担相应的法律责任。',
  ];
  const blocks: DocumentBlock[] = [
    { kind: 'title', text: '依法经营电信业务承诺书' },
    { kind: 'paragraph', text: `${company.name}（统一社会信用代码：${company.uscc}）郑重承诺：` },
    ...pledges.map((text, i): DocumentBlock => ({ kind: 'paragraph', text: `${i + 1}. ${text}` })),
    ...signature(company.name, facts.today),
  ];
  return { key: 'commitment-letter', title: '依法经营电信业务承诺书', blocks, missing: [] };
}

/** One checklist line for the materials index. */
export interface IndexedItem {
  title: string;
  required: boolean;
  version: number | null;
  status: 'missing' | 'pending' | 'accepted' | 'rejected';
}

const statusText = { missing: '未提供', pending: '待审核', accepted: '已审核', rejected: '已退回' } as const;

/** 材料目录: every checklist item in order, with its version and review state. */
export function draftMaterialsIndex(facts: Pick<DocumentFacts, 'company' | 'today'>, items: readonly IndexedItem[]): DocumentDraft {
  const blocks: DocumentBlock[] = [
    { kind: 'title', text: '申请材料目录' },
    { kind: 'paragraph', text: `申请单位：${facts.company.name}（统一社会信用代码：${facts.company.uscc}）` },
    {
      kind: 'table',
      header: ['序号', '材料名称', '必备', '版本', '状态'],
      rows: items.map((item, i) => [String(i + 1), item.title, item.required ? '是' : '否', item.version === null ? '—' : `第${item.version}版`, statusText[item.status]]),
    },
    { kind: 'paragraph', text: `编制日期：${chineseDate(facts.today)}`, align: 'right' },
  ];
  return { key: 'materials-index', title: '申请材料目录', blocks, missing: [] };
}

/** Drafts one of the generated checklist documents from the facts. */
export function draftDocument(key: Exclude<DraftableDocument, 'materials-index'>, facts: DocumentFacts): DocumentDraft {
  if (key === 'application-letter') return applicationLetter(facts);
  if (key === 'business-description') return businessDescription(facts);
  return commitmentLetter(facts);
}
