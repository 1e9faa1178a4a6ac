import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import type { Locale as AntdLocale } from 'antd/es/locale';
// antd's own default: its components import it anyway, so loading it lazily would save nothing.
import antdEnUS from 'antd/es/locale/en_US';
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

/**
 * Texts come in two parts: the sign-in page's (with errors, roles and the header) at start, the rest with the
 * signed-in frame. Each part of each language is its own chunk, so only what is in use is downloaded.
 */
type TextPart = 'signIn' | 'signedIn';

const texts: Record<Language, Record<TextPart, () => Promise<object>>> = {
  'zh-CN': {
    signIn: () => import('./zh-CN/sign-in').then((m) => m.signInTexts),
    signedIn: () => import('./zh-CN/signed-in').then((m) => m.signedInTexts),
  },
  'en-US': {
    signIn: () => import('./en-US/sign-in').then((m) => m.signInTexts),
    signedIn: () => import('./en-US/signed-in').then((m) => m.signedInTexts),
  },
};

// antd's texts (date picker, pagination, empty table…) and dayjs's come with the language too; dayjs has English built in.
const antdLocaleLoaders: Record<Language, () => Promise<AntdLocale>> = {
  'zh-CN': async () => (await Promise.all([import('antd/es/locale/zh_CN'), import('dayjs/locale/zh-cn')]))[0].default,
  'en-US': async () => antdEnUS,
};

const partsInUse = new Set<TextPart>(['signIn']);
const loads = new Map<string, Promise<void>>();
const loaded = new Set<string>();
const antdLocales = new Map<Language, AntdLocale>();

/** Loads once, shared by concurrent callers; a failed load is tried again next time. */
function loadOnce(key: string, load: () => Promise<void>): Promise<void> {
  let pending = loads.get(key);
  if (!pending) {
    pending = load().then(
      () => void loaded.add(key),
      (error: unknown) => {
        loads.delete(key);
        throw error;
      },
    );
    loads.set(key, pending);
  }
  return pending;
}

function loadPart(language: Language, part: TextPart | 'antd'): Promise<void> {
  if (part === 'antd') return loadOnce(`${language}:antd`, async () => void antdLocales.set(language, await antdLocaleLoaders[language]()));
  return loadOnce(`${language}:${part}`, async () => void i18n.addResourceBundle(language, 'translation', await texts[language][part](), true, true));
}

/** Loads every part in use for a language; again if a part came into use meanwhile (signing in during a switch). */
async function loadLanguage(language: Language): Promise<void> {
  for (;;) {
    const missing = (['antd', ...partsInUse] as const).filter((part) => !loaded.has(`${language}:${part}`));
    if (missing.length === 0) return;
    await Promise.all(missing.map((part) => loadPart(language, part)));
  }
}

/** Loads the texts of the pages behind the login, in the current language; from then on a switch loads them too. */
export function loadSignedInTexts(): Promise<void> {
  partsInUse.add('signedIn');
  return loadLanguage(getLanguage());
}

/** antd's texts for a language whose texts have loaded. */
export function getAntdLocale(language: Language): AntdLocale | undefined {
  return antdLocales.get(language);
}

const initialLanguage = readStoredLanguage();

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
  .then(() => loadLanguage(initialLanguage))
  .then(() => applyLanguageSideEffects(initialLanguage))
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
  await loadLanguage(language);
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
