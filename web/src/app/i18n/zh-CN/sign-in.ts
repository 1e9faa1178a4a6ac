import { auth } from './auth';
import { common } from './common';

/** The texts the sign-in page needs (with errors, roles and the header), loaded at start. */
export const signInTexts = { ...common, ...auth };
