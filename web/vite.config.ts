// The web app's build. Output: web/dist (served by the API process, src/http/web-app.ts).
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * Utrecht's React barrel writes `X.displayName = '…'` at module top level, which keeps every
 * component alive through tree-shaking. Dropping those lines lets unused components go
 * (measured: 176 → 123 kB gzip for the first screen). Rolldown's propertyWriteSideEffects switch
 * would do the same but silently broke react-dom, so this narrow rewrite it is.
 */
function stripUtrechtDisplayNames(): Plugin {
  return {
    name: 'strip-utrecht-display-names',
    enforce: 'pre',
    transform(code, id) {
      if (!/@utrecht\/[^/]+-react\/dist\/.+\.mjs$/.test(id)) return undefined;
      return { code: code.replace(/^\s*[A-Za-z_$][\w$]*\.displayName\s*=\s*['"][^'"]*['"];?\s*$/gm, ''), map: null };
    },
  };
}

/** Writes .br and .gz beside every text asset, so the server sends them without compressing per request. */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'precompress',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      const files = await readdir(outDir, { recursive: true });
      for (const file of files) {
        if (!/\.(js|css|html|svg|json)$/.test(file)) continue;
        const path = join(outDir, file);
        const body = await readFile(path);
        await writeFile(`${path}.gz`, gzipSync(body, { level: 9 }));
        await writeFile(`${path}.br`, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } }));
      }
      await reportFirstScreen(outDir);
    },
  };
}

/** The first screen's budget (issue 12): the JS a phone downloads before the sign-in form works. */
const FIRST_SCREEN_JS_BUDGET_BYTES = 300 * 1024;

/**
 * Prints the gzip size of what index.html loads before the first screen (entry script, its
 * modulepreloads, stylesheets) and fails the build when the JS exceeds the budget.
 */
async function reportFirstScreen(outDir: string) {
  const html = await readFile(join(outDir, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  let js = 0;
  let css = 0;
  for (const file of new Set(files)) {
    const size = (await readFile(join(outDir, `${file}.gz`))).length;
    if (file.endsWith('.js')) js += size;
    else css += size;
  }
  const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
  process.stdout.write(`first screen (gzip): JS ${kb(js)}, CSS ${kb(css)} (JS budget ${kb(FIRST_SCREEN_JS_BUDGET_BYTES)})\n`);
  if (js > FIRST_SCREEN_JS_BUDGET_BYTES) throw new Error(`first-screen JS ${kb(js)} gzip exceeds the budget of ${kb(FIRST_SCREEN_JS_BUDGET_BYTES)}`);
}

export default defineConfig({
  root: import.meta.dirname,
  plugins: [stripUtrechtDisplayNames(), react(), precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Fonts and icons stay files: the CSP allows no data: fonts.
    assetsInlineLimit: 0,
    reportCompressedSize: true,
    // The first-screen budget above is the real limit; Vite's 500 kB (uncompressed) hint is noise here.
    chunkSizeWarningLimit: 1024,
  },
  server: {
    // The dev server's inline scripts rule out the production CSP; it proxies the API instead.
    proxy: { '/api': { target: process.env.API_URL ?? 'http://127.0.0.1:3000', changeOrigin: false } },
  },
});
