export const auth = {
  login: {
    title: '登录',
    email: '邮箱',
    emailPlaceholder: 'name@example.com',
    emailRequired: '请输入邮箱',
    emailInvalid: '邮箱格式不正确',
    password: '密码',
    passwordRequired: '请输入密码',
    submit: '登录',
    failedTitle: '登录失败',
    throttledTitle: '尝试次数过多',
    footer: '账号由所在机构的管理员创建。忘记密码请联系管理员重置。',
  },
} as const;
