// Resolves the workspace aliases (@chance/<lib>) of the compiled API to dist/libs/<lib>/src/index.js,
// the runtime twin of the "paths" in tsconfig.base.json. Used as: node --import ./tools/register-aliases.js
import { register } from 'node:module';

register('./alias-hooks.js', import.meta.url);
