import { parseDateCell } from './parse-date-cell.ts';
import { parseLicenceNumberCell, parseUsccCell } from './parse-identifier-cells.ts';
import { parseServicesCell, parseYearsCell } from './parse-list-cells.ts';
import { parseScopeCell } from './parse-province-cell.ts';
import { textCellParser } from './parse-text-cell.ts';
import type { ImportField } from './import-field.ts';

const field = <Key extends string, Value>(definition: ImportField<Key, Value>) => definition;

const dateHint = { zh: '如 2024-01-05、2024/1/5、2024年1月5日，或 Excel 日期', en: 'e.g. 2024-01-05, 2024/1/5, 2024年1月5日, or an Excel date' };

/** The columns of a licence import, in template order; the holder is found by its credit code. */
export const licenceImportFields = {
  licenceNumber: field({
    key: 'licenceNumber', label: { zh: '许可证编号', en: 'Licence number' }, required: true, example: '闽B2-20240001',
    aliases: ['许可证号', '经营许可证编号', '经营许可证号', '证书编号', '编号', 'licence number', 'license number', 'licence no', 'license no', 'number'],
    hint: { zh: '许可证上印制的编号，如 B2-20190001、京B2-20191218', en: 'As printed, e.g. B2-20190001, 京B2-20191218' },
    parse: parseLicenceNumberCell,
  }),
  holderUscc: field({
    key: 'holderUscc', label: { zh: '持证单位统一社会信用代码', en: 'Holder USCC' }, required: true, example: '91350100M000100Y43',
    aliases: ['统一社会信用代码', '信用代码', '社会信用代码', '持证单位信用代码', '持证企业信用代码', 'USCC', 'credit code', 'holder credit code', 'holder uscc'],
    hint: { zh: '持证单位须已是本机构的客户企业', en: 'The holder must already be one of your client companies' },
    parse: (cell, options) => parseUsccCell(cell, { acceptCheckFailure: options?.acceptUsccCheckFailure }),
  }),
  holderName: field({
    key: 'holderName', label: { zh: '持证单位名称', en: 'Holder name' }, required: false, example: '福州示例科技有限公司',
    aliases: ['持证单位', '企业名称', '公司名称', '客户名称', '单位名称', 'holder', 'holder name', 'company', 'company name'],
    hint: { zh: '仅供核对，以信用代码为准', en: 'For checking only; the credit code decides' },
    parse: textCellParser({ maxLength: 200 }),
  }),
  services: field({
    key: 'services', label: { zh: '业务种类', en: 'Services' }, required: true, example: 'B24-1',
    aliases: ['业务代码', '许可业务', '经营业务', '业务类型', '业务', 'services', 'service', 'service codes'],
    hint: { zh: '分类目录代码，多项用顿号或逗号分隔，如 B24-1、B21', en: 'Catalogue codes separated by 、 or commas, e.g. B24-1, B21' },
    parse: parseServicesCell,
  }),
  scope: field({
    key: 'scope', label: { zh: '业务覆盖范围', en: 'Scope' }, required: false, example: '福建',
    aliases: ['覆盖范围', '许可范围', '范围', 'scope', 'coverage'],
    hint: { zh: '“跨地区”或省份；留空则按编号判断（无省份简称为跨地区）', en: "'cross-regional' or a province; when empty, read from the number (no province prefix: cross-regional)" },
    parse: parseScopeCell,
  }),
  issuedOn: field({
    key: 'issuedOn', label: { zh: '发证日期', en: 'Issued on' }, required: true, example: '2024-01-05',
    aliases: ['颁发日期', '发证时间', '签发日期', '发证日', 'issued on', 'issue date', 'date of issue', 'issued'],
    hint: dateHint,
    parse: parseDateCell,
  }),
  expiresOn: field({
    key: 'expiresOn', label: { zh: '有效期至', en: 'Expires on' }, required: false, example: '2029-01-05',
    aliases: ['到期日期', '截止日期', '有效期截止', '失效日期', '有效期截止日期', '到期日', 'expires on', 'expiry date', 'expiry', 'valid until', 'expiration date'],
    hint: { zh: `${dateHint.zh}；留空则为发证后5年`, en: `${dateHint.en}; when empty, five years after issue` },
    parse: parseDateCell,
  }),
  annualReportsFiled: field({
    key: 'annualReportsFiled', label: { zh: '已报年报年份', en: 'Annual reports filed' }, required: false, example: '2025',
    aliases: ['年报年份', '已报送年报', '已报年报', '年报', 'annual reports filed', 'annual reports', 'annual report years'],
    hint: { zh: '已报送年报的年份，多个用逗号分隔，如 2024,2025', en: 'Years whose annual report was filed, e.g. 2024,2025' },
    parse: parseYearsCell,
  }),
  notes: field({
    key: 'notes', label: { zh: '备注', en: 'Notes' }, required: false, example: '',
    aliases: ['说明', 'notes', 'note', 'remarks', 'comments'],
    hint: { zh: '最多2000字', en: 'Up to 2000 characters' },
    parse: textCellParser({ maxLength: 2000, multiline: true }),
  }),
};

/** A licence import column. */
export type LicenceFieldKey = keyof typeof licenceImportFields;
