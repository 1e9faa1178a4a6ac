import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { getLanguage, setLanguage, type Language } from '../i18n';

const options: { label: string; value: Language }[] = [
  { label: '中文', value: 'zh-CN' },
  { label: 'English', value: 'en-US' },
];

/** 中文 / English; the choice is kept in localStorage. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  return (
    <Segmented<Language>
      size="small"
      aria-label={t('header.language')}
      options={options}
      value={getLanguage()}
      onChange={(value) => void setLanguage(value)}
    />
  );
}
