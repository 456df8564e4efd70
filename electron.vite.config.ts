import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  main: {
    // lowdb is ESM-only: bundle it rather than require it at run time.
    build: { externalizeDeps: { exclude: ['lowdb', 'steno'] }, rolldownOptions: { input: resolve(import.meta.dirname, 'src/main/index.ts') } },
  },
  preload: {
    // A sandboxed renderer needs one CommonJS preload file that requires only electron.
    build: {
      externalizeDeps: false,
      rolldownOptions: {
        input: resolve(import.meta.dirname, 'src/preload/index.ts'),
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: 'index.cjs' },
      },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'src/renderer'),
    base: './',
    plugins: [react()],
    build: { rolldownOptions: { input: resolve(import.meta.dirname, 'src/renderer/index.html') } },
  },
});
