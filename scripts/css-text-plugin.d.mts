import type { Plugin } from 'esbuild';

/** esbuild plugin: `import css from './x.css?raw'` gives the stylesheet's minified text. */
export function cssTextPlugin(target: string[]): Plugin;
