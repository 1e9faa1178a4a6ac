import { useTranslation } from 'react-i18next';

/** Text the server sends in both product languages. */
export interface LocalizedText {
  zh: string;
  en: string;
}

/** Picks the server's text in the UI language: `localized(rule.title)`. */
export function useLocalized(): (text: LocalizedText | null | undefined) => string {
  const { i18n } = useTranslation();
  const english = i18n.language === 'en-US';
  return (text) => (text ? (english ? text.en : text.zh) : '');
}
