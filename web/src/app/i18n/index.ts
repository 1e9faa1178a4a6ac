import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/en';
import type { zhCN } from './zh-CN';

export const languages = ['zh-CN', 'en-US'] as const;
export type Language = (typeof languages)[number];

const storageKey = 'licensedesk.language';
const dayjsLocales: Record<Language, string> = { 'zh-CN': 'zh-cn', 'en-US': 'en' };

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof zhCN };
  }
}

function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

function readStoredLanguage(): Language {
  try {
    const stored = window.localStorage.getItem(storageKey);
    return isLanguage(stored) ? stored : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

function applyLanguageSideEffects(language: Language): void {
  dayjs.locale(dayjsLocales[language]);
  document.documentElement.lang = language;
}

// Each language's texts are their own chunk: only the language in use is downloaded.
const dictionaries: Record<Language, () => Promise<typeof zhCN>> = {
  'zh-CN': () => import('./zh-CN').then((m) => m.zhCN),
  'en-US': () => import('./en-US').then((m) => m.enUS as typeof zhCN),
};

async function loadDictionary(language: Language): Promise<void> {
  if (!i18n.hasResourceBundle(language, 'translation')) i18n.addResourceBundle(language, 'translation', await dictionaries[language]());
}

const initialLanguage = readStoredLanguage();
applyLanguageSideEffects(initialLanguage);

/** Resolves once the texts of the stored (or default) language are loaded; render after it. */
export const i18nReady: Promise<void> = i18n
  .use(initReactI18next)
  .init({
    resources: {},
    lng: initialLanguage,
    // Every language defines every key (checked by the types), so no second dictionary is needed as a fallback.
    fallbackLng: false,
    interpolation: { escapeValue: false },
    returnNull: false,
    showSupportNotice: false,
  })
  .then(() => loadDictionary(initialLanguage))
  .then(() => i18n.changeLanguage(initialLanguage))
  .then(() => undefined);

/** The UI language; also sent to the server as Accept-Language so its messages match. */
export function getLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : 'zh-CN';
}

export async function setLanguage(language: Language): Promise<void> {
  try {
    window.localStorage.setItem(storageKey, language);
  } catch {
    // Private mode may refuse storage; the switch still applies to this tab.
  }
  await loadDictionary(language);
  applyLanguageSideEffects(language);
  await i18n.changeLanguage(language);
}

/** Label for a server code such as `client.create` under a prefix; unknown codes are shown as they are. */
export function translateCode(prefix: 'audit.actions' | 'audit.entityTypes', code: string): string {
  const key = `${prefix}.${code}`;
  const translate = i18n.t as unknown as (k: string, o: { defaultValue: string }) => unknown;
  const value = translate(key, { defaultValue: code });
  return typeof value === 'string' ? value : code;
}

export { i18n };
