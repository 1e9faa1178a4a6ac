import type { Messages } from '../types';
import { signedInTexts } from './signed-in';
import { signInTexts } from './sign-in';

/** The English texts; typed as a whole so that the two parts together provide every key. */
export const enUS: Messages = { ...signInTexts, ...signedInTexts };
