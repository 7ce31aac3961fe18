import type { OutputFormat } from '../args';
import type { FileResult, FormatContext } from '../result';
import { formatStylish } from './stylish';
import { formatJson } from './json';
import { formatSarif } from './sarif';
import { formatGithub } from './github';

export const formatters: Record<OutputFormat, (results: readonly FileResult[], ctx: FormatContext) => string> = {
  stylish: formatStylish,
  json: formatJson,
  sarif: formatSarif,
  github: formatGithub,
};
