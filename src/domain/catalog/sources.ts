import type { LocalizedText } from '../calendar/types.ts';
import type { Source } from './source.ts';

// Official short titles, so every rule cites the same text.

/** MIIT Order No. 42 (2017), the licensing measures; in force since 2017-09-01. */
export const ORDER_42 = '电信业务经营许可管理办法（工业和信息化部令第42号）';
/** The Telecommunications Regulations of the PRC. */
export const TELECOM_REGULATIONS = '中华人民共和国电信条例';
/** The service catalogue, 2015 edition (effective 2016-03-01). */
export const CATALOGUE_2015 = '电信业务分类目录（2015年版）';
/** The 2020 foreign-investment negative list. */
export const NEGATIVE_LIST_2020 = '外商投资准入特别管理措施（负面清单）（2020年版）';
/** The Civil Code (period counting, Art. 201). */
export const CIVIL_CODE = '中华人民共和国民法典';
/** Number-resource measures (码号), with the numbering plan for 95/96 access codes. */
export const NUMBER_MEASURES = '电信网码号资源管理办法';
/** MIIT notice creating the annual report and publication system (replacing the old annual inspection). */
export const ANNUAL_REPORT_NOTICE = '工业和信息化部关于建立电信业务经营信息年报和公示制度的通知（工信部信管〔2017〕321号）';
/** The agency's call-centre guide the product started from. */
export const CALL_CENTRE_GUIDE = '代办机构《呼叫中心业务经营许可证办理指南》';

/** A regulation (and article), e.g. `regulation(`${ORDER_42}第六条`)`. */
export function regulation(ref: string, note?: LocalizedText): Source {
  return { kind: 'regulation', ref, ...(note ? { note } : {}) };
}

/** An official notice. */
export function notice(ref: string, note?: LocalizedText): Source {
  return { kind: 'notice', ref, ...(note ? { note } : {}) };
}

/** A section of the agency's call-centre guide, e.g. `guide('注意事项1')`. */
export function guide(section: string, note?: LocalizedText): Source {
  return { kind: 'guide', ref: `${CALL_CENTRE_GUIDE}：${section}`, ...(note ? { note } : {}) };
}

/** Common practice reported by consultants or adopted by the product; never a hard rule. */
export function practice(ref: string, note?: LocalizedText): Source {
  return { kind: 'practice', ref, ...(note ? { note } : {}) };
}
