// A named import, so the bundles carry the version string only, not the whole manifest (which
// lists every rule for the editor settings).
import { version } from '../../package.json';

export const VERSION: string = version;
