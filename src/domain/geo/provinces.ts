/**
 * Provincial-level divisions, keyed by their ISO 3166-2:CN code without the `CN-` prefix.
 * This is the one province code used across LicenseDesk.
 * Sources: ISO 3166-2:CN; GB/T 2260 (two-digit region prefix); one-character abbreviations as used on licence numbers.
 */
export interface Province {
  code: string;
  /** First two digits of GB/T 2260 region codes in this province. */
  gbPrefix: string;
  zh: string;
  en: string;
  /** One-character abbreviation (简称) used on licence numbers, e.g. 京B2-…. */
  abbr: string;
  /** Has a provincial communications administration (通信管理局) issuing VATS licences. */
  hasCommsAdministration: boolean;
}

const rows: Array<[string, string, string, string, string]> = [
  ['BJ', '11', '北京市', 'Beijing', '京'],
  ['TJ', '12', '天津市', 'Tianjin', '津'],
  ['HE', '13', '河北省', 'Hebei', '冀'],
  ['SX', '14', '山西省', 'Shanxi', '晋'],
  ['NM', '15', '内蒙古自治区', 'Inner Mongolia', '蒙'],
  ['LN', '21', '辽宁省', 'Liaoning', '辽'],
  ['JL', '22', '吉林省', 'Jilin', '吉'],
  ['HL', '23', '黑龙江省', 'Heilongjiang', '黑'],
  ['SH', '31', '上海市', 'Shanghai', '沪'],
  ['JS', '32', '江苏省', 'Jiangsu', '苏'],
  ['ZJ', '33', '浙江省', 'Zhejiang', '浙'],
  ['AH', '34', '安徽省', 'Anhui', '皖'],
  ['FJ', '35', '福建省', 'Fujian', '闽'],
  ['JX', '36', '江西省', 'Jiangxi', '赣'],
  ['SD', '37', '山东省', 'Shandong', '鲁'],
  ['HA', '41', '河南省', 'Henan', '豫'],
  ['HB', '42', '湖北省', 'Hubei', '鄂'],
  ['HN', '43', '湖南省', 'Hunan', '湘'],
  ['GD', '44', '广东省', 'Guangdong', '粤'],
  ['GX', '45', '广西壮族自治区', 'Guangxi', '桂'],
  ['HI', '46', '海南省', 'Hainan', '琼'],
  ['CQ', '50', '重庆市', 'Chongqing', '渝'],
  ['SC', '51', '四川省', 'Sichuan', '川'],
  ['GZ', '52', '贵州省', 'Guizhou', '黔'],
  ['YN', '53', '云南省', 'Yunnan', '滇'],
  ['XZ', '54', '西藏自治区', 'Tibet', '藏'],
  ['SN', '61', '陕西省', 'Shaanxi', '陕'],
  ['GS', '62', '甘肃省', 'Gansu', '甘'],
  ['QH', '63', '青海省', 'Qinghai', '青'],
  ['NX', '64', '宁夏回族自治区', 'Ningxia', '宁'],
  ['XJ', '65', '新疆维吾尔自治区', 'Xinjiang', '新'],
  ['TW', '71', '台湾省', 'Taiwan', '台'],
  ['HK', '81', '香港特别行政区', 'Hong Kong', '港'],
  ['MO', '82', '澳门特别行政区', 'Macao', '澳'],
];

/** All provincial-level divisions; the 31 mainland ones have a communications administration. */
export const provinces: readonly Province[] = rows.map(([code, gbPrefix, zh, en, abbr]) => ({
  code,
  gbPrefix,
  zh,
  en,
  abbr,
  hasCommsAdministration: !['TW', 'HK', 'MO'].includes(code),
}));

export const provinceCodes: readonly string[] = provinces.map((p) => p.code);

const byCode = new Map(provinces.map((p) => [p.code, p]));
const byPrefix = new Map(provinces.map((p) => [p.gbPrefix, p]));
const byAbbr = new Map(provinces.map((p) => [p.abbr, p]));

export function findProvince(code: string): Province | undefined {
  return byCode.get(code);
}

/** The province of a GB/T 2260 region code (e.g. `350100` → FJ). */
export function findProvinceByRegionCode(regionCode: string): Province | undefined {
  return byPrefix.get(regionCode.slice(0, 2));
}

export function findProvinceByAbbr(abbr: string): Province | undefined {
  return byAbbr.get(abbr);
}
