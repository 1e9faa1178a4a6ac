import type { auth as zh } from '../zh-CN/auth';
import type { Widen } from '../types';

export const auth: Widen<typeof zh> = {
  login: {
    title: 'Log in',
    email: 'Email',
    emailPlaceholder: 'name@example.com',
    emailRequired: 'Enter your email',
    emailInvalid: 'This is not a valid email address',
    password: 'Password',
    passwordRequired: 'Enter your password',
    submit: 'Log in',
    failedTitle: 'Login failed',
    throttledTitle: 'Too many attempts',
    footer: "Accounts are created by your organisation's administrator. Forgot your password? Ask them to reset it.",
  },
};
