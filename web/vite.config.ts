import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import zlib from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * Writes a brotli (.br) and gzip (.gz) copy of every text file of the build, which the server sends as they are.
 * Both at their top setting: it costs build time once, not time per request.
 */
function precompress(): Plugin {
  return {
    name: 'licensedesk-precompress',
    apply: 'build',
    writeBundle(options, bundle) {
      for (const fileName of Object.keys(bundle)) {
        if (!/\.(js|css|html|svg|json)$/.test(fileName)) continue;
        const file = path.join(options.dir!, fileName);
        const content = fs.readFileSync(file);
        const brotli = { [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: content.length };
        fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(content, { params: brotli }));
        fs.writeFileSync(`${file}.gz`, zlib.gzipSync(content, { level: 9 }));
      }
    },
  };
}

// Resolved from this file so `vite build --config web/vite.config.ts` works from any cwd.
const webRoot = decodeURIComponent(new URL('.', import.meta.url).pathname);

// react-router's exports always name its development build, dev warnings included (remix-run/react-router#14102).
const reactRouterDir = path.dirname(createRequire(import.meta.url).resolve('react-router/package.json'));
const reactRouterProduction = path.join(reactRouterDir, 'dist/production/index.mjs');

export default defineConfig(({ command }) => ({
  root: webRoot,
  plugins: [react(), precompress()],
  resolve: {
    alias: command === 'build' ? [{ find: /^react-router$/, replacement: reactRouterProduction }] : [],
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      output: {
        // The sign-in page's code (what main.tsx imports, statically) comes as two files, its libraries and ours,
        // instead of a dozen pieces split by which later page shares them: fewer requests, better compression,
        // and the library file stays cached across releases. Pages, the signed-in frame and languages stay lazy.
        codeSplitting: {
          groups: [
            { name: 'vendor', test: /[\\/]node_modules[\\/]/, tags: ['$initial'], priority: 2 },
            { name: 'app', tags: ['$initial'], priority: 1 },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:3000',
    },
  },
}));
