import type { LocalizedText } from './types.ts';

// English names of the holidays in the State Council notices; quotes and the 节 suffix vary between years.
const ENGLISH_NAMES: Record<string, string> = {
  元旦: "New Year's Day",
  春节: 'Spring Festival',
  清明节: 'Qingming Festival',
  清明: 'Qingming Festival',
  劳动节: 'Labour Day',
  五一: 'Labour Day',
  五一国际劳动节: 'Labour Day',
  国际劳动节: 'Labour Day',
  端午节: 'Dragon Boat Festival',
  端午: 'Dragon Boat Festival',
  中秋节: 'Mid-Autumn Festival',
  中秋: 'Mid-Autumn Festival',
  国庆节: 'National Day',
  十一: 'National Day',
  抗日战争暨世界反法西斯战争胜利70周年纪念日:
    '70th Anniversary of the Victory of the War of Resistance against Japanese Aggression and the World Anti-Fascist War',
  中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日:
    '70th Anniversary of the Victory of the War of Resistance against Japanese Aggression and the World Anti-Fascist War',
};

/**
 * The Chinese holiday name of a notice with its English translation.
 * Combined names such as 中秋节、国庆节 become "Mid-Autumn Festival and National Day";
 * an unknown name keeps its Chinese text in English too, so nothing is silently dropped.
 */
export function translateHolidayName(zh: string): LocalizedText {
  const parts = zh.split(/[、，,]/).map((part) => {
    const bare = part.replace(/[“”"「」\s]/g, '');
    return ENGLISH_NAMES[bare] ?? part.trim();
  });
  return { zh, en: parts.join(' and ') };
}
