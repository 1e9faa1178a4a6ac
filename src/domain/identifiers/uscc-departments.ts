import type { Confidence } from '../catalog/source.ts';

/** One institution category (position 2) under a registering department. */
export interface UsccCategory {
  code: string;
  zh: string;
  en: string;
}

/** A registering department (登记管理部门, position 1) and the categories it may assign. */
export interface UsccDepartment {
  code: string;
  zh: string;
  en: string;
  categories: UsccCategory[];
  /** GB 32100-2015 itself, or a code assigned after the standard was published. */
  basis: 'GB 32100-2015' | 'later-assignment';
  confidence: Confidence;
}

const other: UsccCategory = { code: '9', zh: '其他', en: 'Other' };

/**
 * Registering departments and categories. GB 32100-2015 defines 1, 5, 9 and Y; the others were assigned later by the
 * code administration and are listed so that real codes of those bodies are not rejected.
 */
export const usccDepartments: readonly UsccDepartment[] = [
  { code: '1', zh: '机构编制', en: 'Institutional establishment authority', basis: 'GB 32100-2015', confidence: 'H', categories: [
    { code: '1', zh: '机关', en: 'Government organ' },
    { code: '2', zh: '事业单位', en: 'Public institution' },
    { code: '3', zh: '中央编办直接管理机构编制的群众团体', en: 'Mass organisation staffed under the central establishment office' },
    other,
  ] },
  { code: '2', zh: '外交', en: 'Foreign affairs', basis: 'later-assignment', confidence: 'M', categories: [
    { code: '1', zh: '外国常驻新闻机构', en: 'Resident foreign news agency' },
    other,
  ] },
  { code: '3', zh: '司法行政', en: 'Justice administration', basis: 'later-assignment', confidence: 'M', categories: [
    { code: '1', zh: '律师执业机构', en: 'Law firm' },
    { code: '2', zh: '公证处', en: 'Notary office' },
    { code: '3', zh: '基层法律服务所', en: 'Grassroots legal service office' },
    { code: '4', zh: '司法鉴定机构', en: 'Forensic appraisal institution' },
    { code: '5', zh: '仲裁委员会', en: 'Arbitration commission' },
    { code: '6', zh: '商事调解组织', en: 'Commercial mediation organisation' },
    other,
  ] },
  { code: '4', zh: '文化', en: 'Culture', basis: 'later-assignment', confidence: 'M', categories: [
    { code: '1', zh: '外国在华文化中心', en: 'Foreign cultural centre in China' },
    other,
  ] },
  { code: '5', zh: '民政', en: 'Civil affairs', basis: 'GB 32100-2015', confidence: 'H', categories: [
    { code: '1', zh: '社会团体', en: 'Social organisation' },
    { code: '2', zh: '民办非企业单位', en: 'Private non-enterprise unit' },
    { code: '3', zh: '基金会', en: 'Foundation' },
    { code: '4', zh: '村民委员会', en: 'Villagers’ committee' },
    { code: '5', zh: '居民委员会', en: 'Residents’ committee' },
    other,
  ] },
  { code: '6', zh: '旅游', en: 'Tourism', basis: 'later-assignment', confidence: 'M', categories: [
    { code: '1', zh: '外国政府旅游部门常驻代表机构', en: 'Resident office of a foreign government tourism body' },
    { code: '2', zh: '港澳台地区旅游部门常驻内地（大陆）代表机构', en: 'Resident office of a Hong Kong, Macao or Taiwan tourism body' },
    other,
  ] },
  { code: '7', zh: '宗教', en: 'Religious affairs', basis: 'later-assignment', confidence: 'M', categories: [
    { code: '1', zh: '宗教活动场所', en: 'Place of religious activity' },
    { code: '2', zh: '宗教院校', en: 'Religious school' },
    other,
  ] },
  { code: '8', zh: '工会', en: 'Trade union', basis: 'later-assignment', confidence: 'M', categories: [
    { code: '1', zh: '基层工会', en: 'Grassroots trade union' },
    { code: '2', zh: '非法人工会组织', en: 'Trade union without legal personality' },
    other,
  ] },
  { code: '9', zh: '工商（市场监管）', en: 'Market regulation (formerly industry and commerce)', basis: 'GB 32100-2015', confidence: 'H', categories: [
    { code: '1', zh: '企业', en: 'Enterprise' },
    { code: '2', zh: '个体工商户', en: 'Individual business' },
    { code: '3', zh: '农民专业合作社', en: 'Farmers’ specialised cooperative' },
  ] },
  { code: 'A', zh: '中央军委改革和编制办公室', en: 'CMC Reform and Establishment Office', basis: 'later-assignment', confidence: 'M', categories: [
    { code: '1', zh: '军队事业单位', en: 'Military public institution' },
    other,
  ] },
  { code: 'G', zh: '公安', en: 'Public security', basis: 'later-assignment', confidence: 'L', categories: [
    { code: '1', zh: '境外非政府组织代表机构', en: 'Representative office of an overseas NGO' },
    other,
  ] },
  { code: 'N', zh: '农业农村', en: 'Agriculture and rural affairs', basis: 'later-assignment', confidence: 'M', categories: [
    { code: '1', zh: '组级集体经济组织', en: 'Group-level collective economic organisation' },
    { code: '2', zh: '村级集体经济组织', en: 'Village-level collective economic organisation' },
    { code: '3', zh: '乡镇级集体经济组织', en: 'Township-level collective economic organisation' },
    other,
  ] },
  { code: 'Y', zh: '其他', en: 'Other', basis: 'GB 32100-2015', confidence: 'H', categories: [{ code: '1', zh: '其他', en: 'Other' }] },
];

const byCode = new Map(usccDepartments.map((d) => [d.code, d]));

/** The registering department for a USCC's first character, if known. */
export function findUsccDepartment(code: string): UsccDepartment | undefined {
  return byCode.get(code);
}
