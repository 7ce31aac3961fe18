import * as fs from 'fs';
import * as path from 'path';

/**
 * ../shared beside the checkout holds the seed speech, the research catalogue and the real-text
 * corpus. Tests that need it live in the corpus layer (npm run test:corpus), which CI runs; that
 * layer fails loudly when the folder is missing instead of passing without checking anything.
 */
export const SHARED_DIR = process.env.GONGWEN_SHARED_DIR ?? path.resolve(__dirname, '..', '..', '..', '..', 'shared');

export function requireShared(...parts: string[]): string {
  const p = path.join(SHARED_DIR, ...parts);
  if (!fs.existsSync(p)) {
    throw new Error(`corpus layer needs ${p} (set GONGWEN_SHARED_DIR or place ../shared beside the checkout)`);
  }
  return p;
}

export function readShared(...parts: string[]): string {
  return fs.readFileSync(requireShared(...parts), 'utf8');
}
