/**
 * Where the project lives; rule documentation links are built from it.
 * One place, so a fork or a mirror changes one line.
 */
export const PROJECT_URL = 'https://github.com/gongwen-lint/gongwen-lint';

export function docsUrl(docsPath: string): string {
  return `${PROJECT_URL}/blob/main/${docsPath}`;
}
