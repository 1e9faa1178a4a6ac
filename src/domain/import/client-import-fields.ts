import { parseEmailCell, parsePhoneCell } from './parse-contact-cells.ts';
import { parseUsccCell } from './parse-identifier-cells.ts';
import { parsePercentCell } from './parse-percent-cell.ts';
import { parseProvinceCell } from './parse-province-cell.ts';
import { textCellParser } from './parse-text-cell.ts';
import { parseYuanCell } from './parse-yuan-cell.ts';
import type { ImportField } from './import-field.ts';

const field = <Key extends string, Value>(definition: ImportField<Key, Value>) => definition;

/** The columns of a client import, in template order; they mirror the API's ClientCreate (limits included). */
export const clientImportFields = {
  name: field({
    key: 'name', label: { zh: '企业名称', en: 'Company name' }, required: true, example: '福州示例科技有限公司',
    aliases: ['公司名称', '客户名称', '单位名称', '名称', '企业', '公司', '市场主体名称', 'name', 'company', 'company name', 'client', 'client name', 'enterprise name'],
    hint: { zh: '营业执照上的名称，最多200字', en: 'As on the business licence, up to 200 characters' },
    parse: textCellParser({ maxLength: 200 }),
  }),
  uscc: field({
    key: 'uscc', label: { zh: '统一社会信用代码', en: 'USCC' }, required: true, example: '91350100M000100Y43',
    aliases: ['信用代码', '社会信用代码', '统一代码', '纳税人识别号', 'USCC', 'credit code', 'unified social credit code', 'social credit code'],
    hint: { zh: '18位，按 GB 32100 校验；请将该列设为文本格式', en: '18 characters, checked per GB 32100; format the column as text' },
    parse: (cell, options) => parseUsccCell(cell, { acceptCheckFailure: options?.acceptUsccCheckFailure }),
  }),
  legalRepresentative: field({
    key: 'legalRepresentative', label: { zh: '法定代表人', en: 'Legal representative' }, required: false, example: '张三',
    aliases: ['法人代表', '法人', '法定代表人姓名', 'legal representative', 'legal rep'],
    hint: { zh: '最多100字', en: 'Up to 100 characters' },
    parse: textCellParser({ maxLength: 100 }),
  }),
  registeredCapital: field({
    key: 'registeredCapital', label: { zh: '注册资本（元）', en: 'Registered capital (yuan)' }, required: false, example: '1000万',
    aliases: ['注册资本', '注册资金', 'registered capital', 'capital'],
    hint: { zh: '人民币整数元，可写 1000000、1,000,000、100万、1.5亿', en: 'Whole RMB yuan: 1000000, 1,000,000, 100万 or 1.5亿' },
    parse: parseYuanCell,
  }),
  businessScope: field({
    key: 'businessScope', label: { zh: '经营范围', en: 'Business scope' }, required: false, example: '国内呼叫中心业务；信息技术咨询服务',
    aliases: ['business scope', 'scope of business'],
    hint: { zh: '营业执照上的经营范围，最多5000字', en: 'As on the business licence, up to 5000 characters' },
    parse: textCellParser({ maxLength: 5000, multiline: true }),
  }),
  province: field({
    key: 'province', label: { zh: '省份', en: 'Province' }, required: false, example: '福建',
    aliases: ['所在省份', '所属省份', '注册地省份', '省', '地区', '所在地区', 'province', 'region'],
    hint: { zh: '省名（福建、福建省）、简称（闽）、代码（FJ）或行政区划代码（350000）', en: 'Name (Fujian, 福建省), abbreviation (闽), code (FJ) or division code (350000)' },
    parse: parseProvinceCell,
  }),
  address: field({
    key: 'address', label: { zh: '地址', en: 'Address' }, required: false, example: '福建省福州市鼓楼区示例路1号',
    aliases: ['注册地址', '住所', '通讯地址', '办公地址', '经营地址', '联系地址', 'address', 'registered address'],
    hint: { zh: '最多500字', en: 'Up to 500 characters' },
    parse: textCellParser({ maxLength: 500, multiline: true }),
  }),
  contactName: field({
    key: 'contactName', label: { zh: '联系人', en: 'Contact name' }, required: false, example: '李四',
    aliases: ['联系人姓名', '对接人', 'contact', 'contact name', 'contact person'],
    hint: { zh: '最多100字', en: 'Up to 100 characters' },
    parse: textCellParser({ maxLength: 100 }),
  }),
  contactPhone: field({
    key: 'contactPhone', label: { zh: '联系电话', en: 'Contact phone' }, required: false, example: '0591-12345678',
    aliases: ['联系人电话', '联系人手机', '联系人手机号', '电话', '手机', '手机号', '联系方式', 'phone', 'telephone', 'tel', 'mobile', 'contact phone'],
    hint: { zh: '数字、空格、+、-和括号，最多40个字符', en: 'Digits, spaces, +, - and brackets, up to 40 characters' },
    parse: parsePhoneCell,
  }),
  contactEmail: field({
    key: 'contactEmail', label: { zh: '联系邮箱', en: 'Contact email' }, required: false, example: 'contact@example.com',
    aliases: ['联系人邮箱', '邮箱', '电子邮箱', '电子邮件', 'email', 'e-mail', 'mail', 'contact email'],
    hint: { zh: '邮箱地址', en: 'An email address' },
    parse: parseEmailCell,
  }),
  foreignSharePercent: field({
    key: 'foreignSharePercent', label: { zh: '外资比例（%）', en: 'Foreign share (%)' }, required: false, example: '0',
    aliases: ['外资比例', '外资持股比例', '外资股比', '外方持股比例', '外资占比', 'foreign share', 'foreign share percent', 'foreign ownership', 'foreign shareholding'],
    hint: { zh: '0–100，最多两位小数，如 49 或 49.5%（数字均按百分数读，0.49 即 0.49%）', en: '0–100 with up to two decimals, e.g. 49 or 49.5% (numbers are percent points: 0.49 is 0.49 %)' },
    parse: parsePercentCell,
  }),
  notes: field({
    key: 'notes', label: { zh: '备注', en: 'Notes' }, required: false, example: '',
    aliases: ['说明', 'notes', 'note', 'remarks', 'comments'],
    hint: { zh: '最多5000字', en: 'Up to 5000 characters' },
    parse: textCellParser({ maxLength: 5000, multiline: true }),
  }),
};

/** A client import column. */
export type ClientFieldKey = keyof typeof clientImportFields;
