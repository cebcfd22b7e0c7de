// Build-time constants injected by build.mjs (and mirrored in vitest.config.ts).
declare const __BROWSER__: 'chrome' | 'firefox';

/** A stylesheet's text: `import css from './x.css?raw'` (build.mjs minifies it). */
declare module '*.css?raw' {
  const text: string;
  export default text;
}
