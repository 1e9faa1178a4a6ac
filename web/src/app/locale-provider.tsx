import type { ReactNode } from 'react';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import { useTranslation } from 'react-i18next';
import { NotifierBridge } from './error-notifier';
import type { Language } from './i18n';

const antdLocales = { 'zh-CN': zhCN, 'en-US': enUS } satisfies Record<Language, unknown>;

const fontFamily =
  "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Helvetica Neue', Arial, sans-serif";

/** antd follows the UI language (i18next re-renders this on change; dayjs is switched in i18n). */
export function LocaleProvider({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const language: Language = i18n.language === 'en-US' ? 'en-US' : 'zh-CN';
  return (
    <ConfigProvider locale={antdLocales[language]} theme={{ token: { fontFamily, borderRadius: 6 } }}>
      <AntApp>
        <NotifierBridge />
        {children}
      </AntApp>
    </ConfigProvider>
  );
}
