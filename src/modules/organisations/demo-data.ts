/**
 * The demo workspace an empty database starts with, so a first look shows a working product.
 * Credit codes are the GB 32100 test vectors from the domain brief; the companies are fictional.
 */
export const demoOrganisation = { name: '演示代理机构（示例数据）', kind: 'agency' as const };

export const demoClients = [
  {
    name: '福州示例呼叫服务有限公司（演示）',
    uscc: '91350100M000100Y43',
    legalRepresentative: '陈示例',
    registeredCapital: 5_000_000,
    businessScope: '呼叫中心业务；信息技术咨询服务；数据处理服务（依法须经批准的项目，经相关部门批准后方可开展经营活动）',
    province: 'FJ',
    address: '福建省福州市鼓楼区示例路 1 号',
    contactName: '林联系',
    contactPhone: '0591-88880001',
    contactEmail: 'contact@fz-demo.example',
    foreignShareBp: 0,
    notes: '演示数据：省内呼叫中心许可证申请客户',
  },
  {
    name: '资阳示例信息技术有限公司（演示）',
    uscc: '91512081MA62K0260E',
    legalRepresentative: '王示例',
    registeredCapital: 12_000_000,
    businessScope: '第二类增值电信业务中的呼叫中心业务；软件开发；信息系统集成服务',
    province: 'SC',
    address: '四川省资阳市示例大道 88 号',
    contactName: '张联系',
    contactPhone: '028-66660002',
    contactEmail: 'ops@zy-demo.example',
    foreignShareBp: 2500,
    notes: '演示数据：跨地区呼叫中心，持有 95 号码',
  },
  {
    name: '上海示例客服外包有限公司（演示）',
    uscc: '9131000063159284XQ',
    legalRepresentative: '李示例',
    registeredCapital: 800_000,
    businessScope: '企业管理咨询；商务信息咨询',
    province: 'SH',
    address: '上海市浦东新区示例路 100 号',
    contactName: '赵联系',
    contactPhone: '021-55550003',
    contactEmail: 'hello@sh-demo.example',
    foreignShareBp: 6000,
    notes: '演示数据：注册资本与经营范围尚不满足申请条件',
  },
];

/**
 * The demo workspace's licences, dated from the day it is created so the dashboard has something to say: one in its
 * second year with its reports filed, one whose renewal window is open, and one with a registration change to file
 * within 30 days. `monthsAgo` counts back from today; events are days after issue (or `daysAgo` before today).
 */
export const demoLicences = [
  {
    client: 0, prefix: '闽B2', monthsAgo: 14, services: [{ serviceCode: 'B24-1', scope: 'FJ' }],
    events: [{ kind: 'service-opened', afterIssueDays: 40, serviceCode: 'B24-1' }, { kind: 'annual-report-filed', reportOfIssueYear: 1 }],
  },
  {
    client: 1, prefix: '川B2', monthsAgo: 56, services: [{ serviceCode: 'B24-1', scope: 'SC' }, { serviceCode: 'B25-SP', scope: 'SC' }],
    events: [{ kind: 'service-opened', afterIssueDays: 60, serviceCode: 'B24-1' }, { kind: 'service-opened', afterIssueDays: 90, serviceCode: 'B25-SP' }, { kind: 'annual-report-filed', reportOfIssueYear: 1 }, { kind: 'annual-report-filed', reportOfIssueYear: 2 }, { kind: 'annual-report-filed', reportOfIssueYear: 3 }],
  },
  {
    client: 2, prefix: '沪B2', monthsAgo: 8, services: [{ serviceCode: 'B24-1', scope: 'SH' }],
    events: [{ kind: 'registration-change', daysAgo: 12, field: 'legal-representative' }],
  },
] as const;
