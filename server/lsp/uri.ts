import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';

/** The file path of a file: URI; undefined for untitled and other schemes. */
export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export function pathToUri(p: string): string {
  return pathToFileURL(p).href;
}

/** A folder given as a path or a file: URI. */
export function folderPath(folder: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]+:/i.test(folder) && !/^[a-z]:[\\/]/i.test(folder)) return uriToPath(folder);
  return path.resolve(folder);
}

/** Paths compare case-insensitively on Windows and macOS file systems. */
export function samePath(a: string, b: string): boolean {
  const na = path.resolve(a);
  const nb = path.resolve(b);
  return process.platform === 'linux' ? na === nb : na.toLowerCase() === nb.toLowerCase();
}
