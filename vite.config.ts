import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/**
 * Writes name.br and name.gz beside every text file of the build above 1 kB, so the
 * server (@fastify/static with preCompressed) sends them without compressing per request.
 * Brotli at its highest quality: built once, downloaded by every phone.
 */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'congdoan:precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async writeBundle() {
      const files = fs
        .readdirSync(outDir, { recursive: true, encoding: 'utf8' })
        .filter((f) => /\.(js|mjs|css|html|svg|json|txt)$/.test(f))
        .map((f) => path.join(outDir, f))
        .filter((f) => fs.statSync(f).size > 1024);
      await Promise.all(
        files.map(async (file) => {
          const data = fs.readFileSync(file);
          const [br, gz] = await Promise.all([
            brotli(data, {
              params: {
                [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
                [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
              },
            }),
            gzip(data, { level: zlib.constants.Z_BEST_COMPRESSION }),
          ]);
          fs.writeFileSync(`${file}.br`, br);
          fs.writeFileSync(`${file}.gz`, gz);
        }),
      );
    },
  };
}

/**
 * antd's form context (imported by every input, card and config provider) takes only
 * `FormProvider` from @rc-component/form, but through the package's index, which
 * attaches Field, List and useForm to the Form export and so cannot be tree-shaken:
 * the whole form library and async-validator (≈25 kB compressed) loaded on every page,
 * forms or not. This points that one import at the module that defines FormProvider
 * (the same module the index re-exports, so the context is the same object); pages
 * with a Form still import the index through antd's Form.
 */
function antdFormContextWithoutFormLibrary(): Plugin {
  return {
    name: 'congdoan:antd-form-context',
    enforce: 'pre',
    async resolveId(source, importer) {
      if (source !== '@rc-component/form' || !importer || !/[\\/]antd[\\/]es[\\/]form[\\/]context\.js$/.test(importer)) return null;
      return this.resolve('@rc-component/form/es/FormContext.js', importer, { skipSelf: true });
    },
  };
}

export default defineConfig({
  root: 'web',
  plugins: [react(), antdFormContextWithoutFormLibrary(), precompress()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // React, its router and TanStack Query change only on upgrades: one chunk of their own
          // stays in the phone's cache across our releases. Only packages every page needs go
          // here; a group would pull a lazily used module (antd's Table, ECharts) into the start.
          groups: [{ name: 'framework', test: /node_modules[\\/](react|react-dom|scheduler|react-router|@tanstack[\\/][^\\/]+)[\\/]/ }],
        },
      },
    },
  },
  server: { port: 5173, proxy: { '/api': 'http://localhost:3000' } },
});
