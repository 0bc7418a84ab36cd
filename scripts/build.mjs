// Bundle the CLI (and the server it can start) into dist/: one small entry file plus chunks that
// load only when a command needs them, so that `ktl get` does not parse the API server.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: { ktl: 'src/cli/main.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.12',
  outExtension: { '.js': '.mjs' },
  chunkNames: 'chunks/[name]-[hash]',
  // yaml's ES module build: it can be loaded lazily with import() and tree-shaken, which its
  // CommonJS build (what Node resolves) cannot.
  alias: { yaml: './node_modules/yaml/browser/dist/index.js' },
  // Native or optional modules stay outside the bundle.
  external: ['libsql', '@napi-rs/keyring'],
  // Bundled CommonJS dependencies call require() for Node built-ins.
  banner: { js: "import { createRequire as __ktlCreateRequire } from 'node:module'; const require = __ktlCreateRequire(import.meta.url);" },
  legalComments: 'none',
  sourcemap: 'linked',
  logLevel: 'warning',
});
