import type { OutputFormat } from '../args';
import type { FileResult, FormatContext } from '../result';
import { formatStylish } from './stylish';
import { formatJson } from './json';
import { formatSarif } from './sarif';
import { formatGithub } from './github';
import { formatGitlab } from './gitlab';
import { formatRdjson } from './rdjson';
import { formatJunit } from './junit';

export const formatters: Record<OutputFormat, (results: readonly FileResult[], ctx: FormatContext) => string> = {
  stylish: formatStylish,
  json: formatJson,
  sarif: formatSarif,
  github: formatGithub,
  gitlab: formatGitlab,
  rdjson: formatRdjson,
  junit: formatJunit,
};
