import type { BootstrapResult } from './bootstrap.ts';

/** Prints the first-start account once (the generated password is not stored in clear anywhere). */
export function announceBootstrap(result: BootstrapResult, url: string, out: NodeJS.WritableStream = process.stdout): void {
  if (!result.created) return;
  const lines = ['', '========================================================', ' LicenseDesk 许可证管家 — first start 首次启动', ` Sign in 登录: ${url}`, ` Email 邮箱:   ${result.email}`];
  if (result.generatedPassword) lines.push(` Password 密码: ${result.generatedPassword}`, ' (shown once — 仅显示一次，请妥善保存; set LICENSEDESK_ADMIN_PASSWORD to choose your own)');
  else lines.push(' Password 密码: the one in LICENSEDESK_ADMIN_PASSWORD');
  if (result.demo) lines.push(' A demo workspace was created 已创建演示工作区 (LICENSEDESK_DEMO=0 to skip)');
  lines.push('========================================================', '');
  out.write(lines.join('\n') + '\n');
}
