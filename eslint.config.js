// Lint rules that guard the architecture: domain code stays pure.
import tseslint from 'typescript-eslint';

const impure = ['node:*', 'fs', 'path', 'os', 'child_process', 'http', 'https', 'net', 'crypto', 'fastify', '@fastify/*', 'kysely', 'better-sqlite3', 'pg', 'pino', 'nodemailer', 'commander', 'react', 'antd'];

export default tseslint.config(
  { ignores: ['node_modules/**', 'web/dist/**', 'dist/**', 'data/**', '.tmp/**', 'coverage/**'] },
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parser: tseslint.parser },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      'no-debugger': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    ignores: ['src/domain/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: impure, message: 'src/domain is pure: no IO, framework or database imports. Pass data in instead.' }, { group: ['**/modules/**', '**/platform/**', '**/cli/**'], message: 'src/domain must not depend on outer layers.' }] }],
      'no-restricted-globals': ['error', { name: 'fetch', message: 'src/domain is pure: no network.' }, { name: 'process', message: 'src/domain is pure: no environment.' }],
      'no-restricted-syntax': ['error', { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: "src/domain is pure: 'today' is a parameter, never new Date()." }, { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: "src/domain is pure: 'now' is a parameter, never Date.now()." }],
    },
  },
);
