import type { FastifyRequest } from 'fastify';
import type { Bilingual } from '../errors/app-error.ts';

export type Lang = 'zh' | 'en';

/** Chinese first: English only when the request asks for it. */
export function requestLang(request: Pick<FastifyRequest, 'headers'>): Lang {
  const header = request.headers['accept-language'];
  return typeof header === 'string' && /^\s*en\b/i.test(header) ? 'en' : 'zh';
}

export function pick(text: Bilingual, lang: Lang): string {
  return lang === 'en' ? text.en : text.zh;
}
