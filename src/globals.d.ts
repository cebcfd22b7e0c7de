// Build-time constants injected by build.mjs (and mirrored in vitest.config.ts).
declare const __BROWSER__: 'chrome' | 'firefox';
