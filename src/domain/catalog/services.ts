import type { LocalizedText } from '../calendar/types.ts';
import type { Confidence, Source } from './source.ts';
import { CATALOGUE_2015, notice } from './sources.ts';

/** Stable service codes from the 2015 catalogue; B25 is split into its two licence items, ICP and SP. */
export type ServiceCode =
  | 'B11' | 'B12' | 'B13' | 'B14'
  | 'B21' | 'B22' | 'B23' | 'B24' | 'B24-1' | 'B24-2'
  | 'B25' | 'B25-ICP' | 'B25-SP' | 'B26' | 'B26-1';

/** A value-added telecom service from the catalogue (电信业务分类目录). */
export interface TelecomService {
  code: ServiceCode;
  zh: string;
  en: string;
  description: LocalizedText;
  /** B1 = class 1 (第一类增值电信业务), B2 = class 2. */
  class: 'B1' | 'B2';
  /** The group this sub-item belongs to (e.g. B24 for B24-1). */
  parent: ServiceCode | null;
  /** Words the business scope (经营范围) should contain for this service (guide, caution 1). */
  scopeKeywords: string[];
  source: Source;
  confidence: Confidence;
}

const src = notice(`${CATALOGUE_2015}（2016年3月1日起施行；2019年修订仅增加A12-4）`);

type Row = [ServiceCode, string, string, 'B1' | 'B2', ServiceCode | null, string[], string, string, Confidence?];

const rows: Row[] = [
  ['B11', '互联网数据中心业务', 'Internet data centre (IDC)', 'B1', null, ['互联网数据中心'],
    '利用机房设施，以外包出租的方式为用户的服务器等设备提供放置、代理维护、系统配置及管理服务，以及数据库系统或服务器等设备及存储空间的出租、通信线路和出口带宽的代理租用等应用服务（含互联网资源协作服务）。',
    'Hosting, maintaining and managing customers’ servers and network equipment in data-centre premises, renting out servers and storage, reselling circuits and egress bandwidth, and related services (including internet resource collaboration, i.e. cloud).'],
  ['B12', '内容分发网络业务', 'Content delivery network (CDN)', 'B1', null, ['内容分发'],
    '利用分布在不同区域的节点服务器群组成流量分配管理网络平台，为用户提供内容的分散存储和高速缓存，并根据网络流量和负载状况将内容分发到快速、稳定的缓存服务器上。',
    'A platform of distributed edge servers that stores and caches customers’ content and routes requests by traffic and load, so users reach the content faster and more reliably.'],
  ['B13', '国内互联网虚拟专用网业务', 'Domestic internet virtual private network (IP-VPN)', 'B1', null, ['虚拟专用网'],
    '利用自有或租用的网络资源，采用 TCP/IP 协议，为国内用户定制互联网闭合用户群网络的服务。',
    'Building closed user-group networks over the internet (TCP/IP) for domestic customers, on own or leased network resources.'],
  ['B14', '互联网接入服务业务', 'Internet access service (ISP)', 'B1', null, ['互联网接入'],
    '利用接入服务器和相应的软硬件资源建立业务节点，并利用公用电信基础设施将业务节点与互联网骨干网相连接，为各类用户提供接入互联网的服务。',
    'Operating access nodes connected to the internet backbone over public telecom infrastructure, giving users access to the internet.'],
  ['B21', '在线数据处理与交易处理业务', 'Online data and transaction processing (incl. EDI)', 'B2', null, ['在线数据处理', '交易处理'],
    '利用与公用通信网或互联网相连的数据与交易/事务处理应用平台，为用户提供在线数据处理和交易/事务处理服务，包括交易处理、电子数据交换（EDI）和网络/电子设备数据处理业务。',
    'Online data processing and transaction processing for users on platforms connected to public networks or the internet, including transaction processing (e.g. e-commerce platforms), electronic data interchange (EDI) and device data processing.'],
  ['B22', '国内多方通信服务业务', 'Domestic multi-party communication', 'B2', null, ['多方通信'],
    '通过多方通信平台和公用通信网或互联网，实现国内两点或多点之间实时的交互式或点播式的话音、图像通信服务。',
    'Real-time interactive or on-demand voice and video communication between two or more points in China through a conferencing platform.'],
  ['B23', '存储转发类业务', 'Store-and-forward services', 'B2', null, ['存储转发'],
    '利用存储转发机制为用户提供信息发送的业务，包括语音信箱、电子邮件、传真存储转发等。',
    'Delivering users’ messages through store-and-forward mechanisms, such as voice mail, e-mail and fax store-and-forward.'],
  ['B24', '呼叫中心业务', 'Call centre', 'B2', null, ['呼叫中心'],
    '受企事业单位委托，利用与公用通信网或互联网连接的呼叫中心系统和数据库技术，经过信息采集、加工、存储等建立信息库，通过公用通信网向用户提供该单位的业务咨询、信息咨询和数据查询等服务；包括呼叫中心系统和座席出租服务。',
    'On commission from organisations, using a call-centre system and databases connected to the public network or internet to give users consulting, information and data look-up services about the commissioning organisation; includes renting out call-centre systems and agent seats.'],
  ['B24-1', '国内呼叫中心业务', 'Domestic call centre', 'B2', 'B24', ['呼叫中心'],
    '面向境内委托单位和境内用户的呼叫中心业务，含呼叫中心系统和座席出租。这是本产品首先支持的许可事项。',
    'Call-centre service for domestic commissioning organisations and users, including renting out call-centre systems and seats. The first licence LicenseDesk supports.'],
  ['B24-2', '离岸呼叫中心业务', 'Offshore call centre', 'B2', 'B24', ['呼叫中心'],
    '受境外企事业单位委托，利用境内呼叫中心系统和数据库技术，通过国际通信网络向境外用户提供业务咨询、信息咨询和数据查询等服务。',
    'On commission from overseas organisations, serving overseas end users over international networks from a call-centre system in China.', 'M'],
  ['B25', '信息服务业务', 'Information services', 'B2', null, ['信息服务业务'],
    '通过信息采集、开发、处理和信息平台的建设，通过公用通信网或互联网向用户提供信息服务，包括信息发布平台和递送、信息搜索查询、信息社区平台、信息即时交互、信息保护和处理等。许可证上分为“仅限互联网信息服务”和“不含互联网信息服务”两项。',
    'Providing information to users over public networks or the internet: publishing and delivery platforms, search, community platforms, instant messaging, information protection and processing. Licences list it as two items: internet only (ICP) and excluding internet (SP).'],
  ['B25-ICP', '信息服务业务（仅限互联网信息服务）', 'Information services (internet information services only; the ICP licence)', 'B2', 'B25', ['互联网信息服务'],
    '通过互联网向用户有偿提供信息服务，即通常所说的ICP许可证。注意：ICP备案号（如 京ICP备12345678号）不是许可证。',
    'Commercial information services over the internet: the ICP licence. An ICP filing number (e.g. 京ICP备12345678号) is not a licence.'],
  ['B25-SP', '信息服务业务（不含互联网信息服务）', 'Information services (excluding internet information services; the SP licence)', 'B2', 'B25', ['不含互联网信息服务', '移动网信息服务', '固定网信息服务'],
    '通过移动网、固定网等公用通信网（短信、彩信、语音等）向用户提供信息服务，即通常所说的SP许可证。',
    'Information services over mobile and fixed public networks (SMS, MMS, voice and similar): the SP licence.'],
  ['B26', '编码和规程转换业务', 'Code and protocol conversion', 'B2', null, ['域名解析', '编码和规程转换'],
    '为用户提供编码和规程转换服务，目前包括互联网域名解析服务。',
    'Code and protocol conversion for users; currently internet domain name resolution.'],
  ['B26-1', '互联网域名解析服务', 'Internet domain name resolution', 'B2', 'B26', ['域名解析'],
    '在互联网上通过架设域名解析服务器和相应软件，实现互联网域名和 IP 地址对应关系转换的服务，包括权威解析和递归解析。',
    'Operating DNS servers that translate domain names to IP addresses, both authoritative and recursive resolution.'],
];

/** The 2015 catalogue's value-added services, with B24, B25 and B26 broken into their licence sub-items. */
export const services: readonly TelecomService[] = rows.map(([code, zh, en, klass, parent, keywords, dzh, den, confidence]) => ({
  code, zh, en, class: klass, parent, scopeKeywords: keywords, description: { zh: dzh, en: den }, source: src, confidence: confidence ?? 'H',
}));

const byCode = new Map(services.map((s) => [s.code as string, s]));

/** Every service, in catalogue order. */
export function listServices(): readonly TelecomService[] {
  return services;
}

/** A service by code (case-insensitive, e.g. `b24-1`); undefined when unknown. */
export function findService(code: string): TelecomService | undefined {
  return byCode.get(code.trim().toUpperCase());
}
