/** Labels for audit actions (`entity.verb`, nested) and entity types; unknown codes are shown as they are. */
export const audit = {
  audit: {
    entityTypes: {
      client: '客户',
      user: '用户',
      'api-token': 'API 令牌',
      organisation: '机构',
      'calendar-year': '节假日安排',
      'org-settings': '机构设置',
    },
    actions: {
      client: {
        create: '新建客户',
        update: '修改客户',
        archive: '归档客户',
        restore: '恢复客户',
        'uscc-override': '确认信用代码',
      },
      user: {
        create: '新建用户',
        update: '修改用户',
        deactivate: '停用用户',
        reactivate: '启用用户',
        'reset-password': '重置密码',
        'access-ended': '结束会话并撤销 API 令牌',
        'operator-grant': '设为平台运营者',
        'operator-revoke': '撤销平台运营者',
      },
      auth: { login: '登录', logout: '退出登录' },
      token: { create: '新建 API 令牌', revoke: '撤销 API 令牌' },
      system: { bootstrap: '系统初始化', demo: '载入演示数据' },
      calendar: { load: '载入节假日安排', replace: '替换节假日安排', unload: '移除节假日安排' },
      organisation: { create: '新建机构', deactivate: '停用机构', reactivate: '启用机构' },
      settings: { rules: { update: '修改规则覆盖' } },
    },
  },
} as const;
