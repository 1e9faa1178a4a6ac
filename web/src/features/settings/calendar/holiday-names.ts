/** The holiday names State Council notices use; the server translates them for English. */
export const holidayNames = ['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节', '中秋节、国庆节'];
