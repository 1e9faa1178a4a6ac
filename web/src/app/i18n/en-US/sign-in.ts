import type { signInTexts as zh } from '../zh-CN/sign-in';
import type { Widen } from '../types';
import { auth } from './auth';
import { common } from './common';

export const signInTexts: Widen<typeof zh> = { ...common, ...auth };
