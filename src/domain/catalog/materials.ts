import type { LocalizedText } from '../calendar/types.ts';
import { findService, type ServiceCode } from './services.ts';
import type { Confidence, Source } from './source.ts';
import { guide, ORDER_42, regulation } from './sources.ts';

/** File types a material may be uploaded as. */
export type MaterialFileType = 'pdf' | 'jpg' | 'png' | 'docx' | 'xlsx';

/** One item of the application checklist. */
export interface MaterialItem {
  key: string;
  title: LocalizedText;
  /** What a good scan or document looks like. */
  hint: LocalizedText;
  required: boolean;
  /** LicenseDesk drafts it from the application data (the user reviews, signs and uploads it). */
  generated: boolean;
  /** Holds personal data (ID numbers, ID scans): mask in lists and log every access. */
  personalData: boolean;
  accepts: MaterialFileType[];
  /** Service groups it belongs to (a sub-item matches its parent), or 'all'. */
  services: 'all' | ServiceCode[];
  source: Source;
  confidence: Confidence;
}

const scan: MaterialFileType[] = ['pdf', 'jpg', 'png'];
const document: MaterialFileType[] = ['docx', 'pdf'];
const art8 = (item: string): Source => regulation(`${ORDER_42}第八条第（${item}）项`);
const nine = (n: number): Source => guide(`呼叫中心材料清单第${n}项`);

type Row = [string, string, string, string, string, Partial<Pick<MaterialItem, 'required' | 'generated' | 'personalData' | 'accepts' | 'services' | 'confidence'>>, Source];

const rows: Row[] = [
  ['application-letter', '经营增值电信业务书面申请', 'Application letter', '法定代表人签字并加盖公章；写明业务种类、覆盖范围、公司名称和联系方式。', 'Signed by the legal representative and sealed; states services, coverage, company name and contacts.', { generated: true, accepts: document }, art8('一')],
  ['company-basic-info', '申请单位基本信息表', 'Applicant basic information form', '与营业执照信息一致，加盖公章。', 'Matches the business licence; company seal applied.', { accepts: ['pdf', 'xlsx', 'docx'], services: ['B24'] }, nine(1)],
  ['business-licence', '营业执照', 'Business licence', '彩色扫描件，四角完整、文字清晰，经营范围须含所申请业务。', 'Colour scan, all four corners visible, text legible; the business scope must include the service.', { accepts: scan }, art8('二')],
  ['company-profile', '公司概况', 'Company profile', '写明公司基本情况，以及拟从事本业务的人员、场地和设施。', 'Company overview with the staff, premises and facilities for this service.', { accepts: document }, art8('三')],
  ['articles-and-shareholding', '公司章程、股权结构及股东情况', 'Articles of association, shareholding structure and shareholders', '章程全本扫描；股权结构图穿透至最终自然人或国资，加盖公章。', 'Full articles scanned; a shareholding chart traced to ultimate individuals or the state, sealed.', { accepts: ['pdf'] }, art8('四')],
  ['shareholder-ids', '全体股东身份证件', 'ID documents of all shareholders', '身份证正反面彩色扫描，四角完整；属于个人信息，列表中脱敏显示。', 'Colour scans of both sides, corners visible; personal data, masked in lists.', { accepts: scan, personalData: true, services: ['B24'] }, nine(3)],
  ['key-managers', '三名主要管理人员的劳动合同、社保记录及网络安全负责人资质', 'Contracts and social-insurance records of three key managers; network-security officer qualification', '社保记录须显示在本公司缴纳；合同须有双方签字。', 'Social-insurance records must show payment by this company; contracts signed by both sides.', { accepts: ['pdf'], personalData: true, services: ['B24'] }, nine(4)],
  ['equipment-contract', '呼叫系统采购合同及设备进网许可证', 'Call-system purchase contract and network-access licence', '合同含设备清单与金额，附发票；进网许可证在有效期内。', 'Contract with equipment list and amount, with invoices; the network-access licence (入网许可证) must be valid.', { accepts: ['pdf'], services: ['B24'] }, nine(5)],
  ['premises-lease', '经营场地租赁合同及产权证明', 'Premises lease and property certificate', '租期覆盖申请期间，地址与申请一致；附产权证扫描件。', 'Lease covers the application period and the address matches; with the property certificate scan.', { accepts: ['pdf'], services: ['B24'] }, nine(6)],
  ['trunk-line-contract', '中继线租用合同', 'Trunk-line lease contract', '与基础电信企业签订，写明线路数量和号码。', 'Signed with a basic telecom operator, stating the number of lines and numbers.', { accepts: ['pdf'], services: ['B24'] }, nine(7)],
  ['business-description', '业务说明', 'Business description', '至少写明座席数量、人员数量、业务类型和经营模式。', 'At least: number of seats, staff, business types and operating mode.', { generated: true, accepts: document, services: ['B24'] }, nine(8)],
  ['client-agreements', '与委托单位签订的协议', 'Agreements with client organisations', '已签署协议的扫描件，显示双方盖章。', 'Scans of signed agreements showing both parties’ seals.', { accepts: ['pdf'], services: ['B24'] }, nine(9)],
  ['business-and-technical-plan', '业务发展、实施计划和技术方案', 'Business development and implementation plan, and technical plan', '含系统架构、网络拓扑和机房/设备位置。', 'Includes system architecture, network topology and equipment location.', { accepts: document }, art8('五')],
  ['service-quality-measures', '为用户提供长期服务和质量保障的措施', 'Long-term service and quality assurance measures', '写明客服渠道、投诉处理和服务质量指标。', 'Customer channels, complaint handling and quality indicators.', { accepts: document }, art8('六')],
  ['network-security-measures', '网络与信息安全保障措施', 'Network and information security measures', '含安全管理制度、责任人和技术手段。', 'Security policies, responsible persons and technical measures.', { accepts: document }, art8('七')],
  ['reputation-proof', '证明公司信誉的有关材料', 'Proof of reputation', '如信用报告、无违法违规证明。', 'E.g. a credit report or a statement of no violations.', { accepts: ['pdf'] }, art8('八')],
  ['commitment-letter', '依法经营电信业务承诺书', 'Commitment to operate telecom services lawfully', '法定代表人签字并加盖公章。', 'Signed by the legal representative and sealed.', { generated: true, accepts: document }, art8('九')],
  ['prior-consent', '有关主管部门审核同意文件', 'Prior consent of another regulator', '仅当所申请业务依法须经其他主管部门前置审核时提供。', 'Only when another regulator must consent first.', { required: false, accepts: ['pdf'] }, regulation(`${ORDER_42}第八条第二款`)],
];

/** The full checklist: the guide's nine call-centre items merged with Order 42 Art. 8's general list. */
export const materials: readonly MaterialItem[] = rows.map(([key, zh, en, hzh, hen, opts, source]) => ({
  key, title: { zh, en }, hint: { zh: hzh, en: hen }, source,
  required: opts.required ?? true, generated: opts.generated ?? false, personalData: opts.personalData ?? false,
  accepts: opts.accepts ?? scan, services: opts.services ?? 'all', confidence: opts.confidence ?? (source.kind === 'guide' ? 'M' : 'H'),
}));

/** The checklist for a service: the general list, plus the call-centre items for B24 and its sub-items. */
export function listMaterials(service: string): MaterialItem[] {
  const found = findService(service);
  if (!found) return [];
  const groups = [found.code, ...(found.parent ? [found.parent] : [])];
  return materials.filter((m) => m.services === 'all' || m.services.some((s) => groups.includes(s)));
}
