import type { CompiledDictionaries } from './dictionary-types';

/**
 * Loads the built-in formulation dictionaries plus the user's.
 * Placeholder until the formulation rules (issue 3) land: no entries yet.
 */
export function loadDictionaries(userFiles: readonly string[]): CompiledDictionaries {
  void userFiles;
  return { entries: [], problems: [], cache: new Map() };
}
