import { signedInTexts } from './signed-in';
import { signInTexts } from './sign-in';

/** The Chinese texts; they define the keys every other language must provide. Loaded in two parts (see ../index.ts). */
export const zhCN = { ...signInTexts, ...signedInTexts };
