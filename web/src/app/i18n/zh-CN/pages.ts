/** Dashboard and the pages whose features are still to come. */
export const pages = {
  dashboard: {
    title: '工作台',
    welcome: '欢迎，{{name}}',
    activeClients: '在用客户',
    archivedClients: '已归档客户',
    viewClients: '查看客户',
    quickActions: '快捷操作',
    newClient: '新建客户',
    myCompany: '查看我的企业',
    applicationsTitle: '申请进度',
    viewApplications: '查看全部申请',
    noApplications: '还没有申请。在“申请”中为客户新建申请后，最近的办理进度会显示在这里。',
    noApplicationsClient: '贵公司暂时没有申请。',
  },
  comingSoon: {
    notYet: '该功能尚未开放',
    obligations: {
      title: '合规事项',
      description: '这里将按许可证生成年报、年检等合规事项及截止日期（按官方工作日计算）。本功能尚未开放。',
    },
  },
} as const;
