// `server-only` throws when imported outside React Server Components. server.ts (the custom server and
// the /v1 router) runs our lib/ modules in plain Node, where they are server code by definition: resolve
// the marker to its empty variant there. Next's bundles keep the real check for client components.
import { register } from 'node:module';

register(
  'data:text/javascript,' +
    encodeURIComponent(`
      export async function resolve(specifier, context, next) {
        if (specifier === 'server-only') return { url: 'data:text/javascript,export {}', shortCircuit: true };
        return next(specifier, context);
      }`),
  import.meta.url,
);
