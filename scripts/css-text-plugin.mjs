// esbuild plugin for `import css from './x.css?raw'`: the stylesheet's text, minified. Our shadow
// root's styles are a constructed sheet, so they travel inside the content script. Shared by
// build.mjs and the tests that bundle the card themselves (tests/e2e/a11y.test.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as esbuild from 'esbuild';

/** @param {string[]} target esbuild targets the minified CSS must run on */
export function cssTextPlugin(target) {
  return {
    name: 'css-text',
    setup(build) {
      build.onResolve({ filter: /\.css\?raw$/ }, (args) => ({
        path: join(args.resolveDir, args.path.replace(/\?raw$/, '')),
        namespace: 'css-text',
      }));
      build.onLoad({ filter: /.*/, namespace: 'css-text' }, async (args) => {
        const { code } = await esbuild.transform(readFileSync(args.path, 'utf8'), {
          loader: 'css',
          minify: true,
          target,
        });
        return {
          contents: `export default ${JSON.stringify(code.trim())};`,
          loader: 'js',
          watchFiles: [args.path],
        };
      });
    },
  };
}
