import type { ReactNode } from 'react';
import { App as AntApp, ConfigProvider } from 'antd';
import { useTranslation } from 'react-i18next';
import { NotifierBridge } from './error-notifier';
import { getAntdLocale, type Language } from './i18n';
import { useReducedMotion } from './use-reduced-motion';

const fontFamily =
  "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Helvetica Neue', Arial, sans-serif";

/** antd follows the UI language (i18next re-renders this on change; antd's texts load and dayjs is switched in i18n) and the user's motion preference. */
export function LocaleProvider({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const language: Language = i18n.language === 'en-US' ? 'en-US' : 'zh-CN';
  const reducedMotion = useReducedMotion();
  return (
    <ConfigProvider locale={getAntdLocale(language)} theme={{ token: { fontFamily, borderRadius: 6, motion: !reducedMotion } }}>
      <AntApp>
        <NotifierBridge />
        {children}
      </AntApp>
    </ConfigProvider>
  );
}
