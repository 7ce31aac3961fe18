import type { LintDocument } from '../../engine/document';

/** The 15 公文种类 of 《党政机关公文处理工作条例》第八条 (命令 also as 令). Longest first. */
export const DOC_TYPES = ['决议', '决定', '命令', '公报', '公告', '通告', '意见', '通知', '通报', '报告', '请示', '批复', '议案', '纪要', '函', '令'] as const;

export interface TitleLine {
  start: number;
  /** End of the line's content, after any trailing punctuation. */
  end: number;
}

export interface DocumentTitle {
  /** The title lines (a title may be split over several lines, with blank lines between). */
  lines: TitleLine[];
  /** The title text, lines joined, without surrounding spaces or trailing punctuation. */
  text: string;
  /** Offset in the document of each character of `text`. */
  offsets: number[];
  /** The trailing punctuation of the last line, if any, as [start, end). */
  trailing?: { start: number; end: number };
  /** The 文种 the title ends with, if it ends with one of DOC_TYPES. */
  docType?: string;
}

const SPACES = /^[ \t\r\u3000\u00a0\ufeff\u0000]+|[ \t\r\u3000\u00a0\ufeff\u0000]+$/g;
const TRAILING = '。．.，,；;！!？?、：:';
const MAX_LINES_SCANNED = 14;
const MAX_TITLE_LINES = 4;

/** Lines before the title in the 版头: 份号, 密级, 紧急程度, 发文机关标志 (…文件), 发文字号, 签发人. */
function isPreamble(line: string): boolean {
  if (/^[0-9０-９]{1,8}$/.test(line)) return true;
  if (/^(绝密|机密|秘密|特急|加急|平急|特提)/.test(line) && line.length <= 16) return true;
  if (/〔[0-9]{4}〕[0-9]+号/.test(line) && line.length <= 40) return true;
  if (line.includes('签发人')) return true;
  if (line.length <= 30 && /文件$/.test(line) && !line.includes('关于')) return true;
  return false;
}

/** Last character of an issuing organ's name (院 厅 部 委 局 府 会 办 署 行 机制 部门 …), 印发/转发 (国务院印发关于…的通知) or a placeholder ×/X. */
const ORGAN_END = /[院厅部委局府会办室署行处科组市省县区州盟旗镇乡村道司所站队团社校学馆厂心构位关央协门制发×XＸ]$/;

let cache: { doc: LintDocument; title: DocumentTitle | undefined } | undefined;

/**
 * The title of a 公文, when the document clearly starts with one: the first non-blank lines (after
 * the 版头 elements) that have no sentence punctuation inside, are short, do not start with a heading
 * marker, contain 关于 and read “…关于…的…”. Anything else — a speech, a news release starting
 * 新华社…电, a scraped text that lost its title — gives undefined, and the rules stay silent.
 */
export function findTitle(doc: LintDocument): DocumentTitle | undefined {
  if (cache && cache.doc === doc) return cache.title;
  const title = scan(doc);
  cache = { doc, title };
  return title;
}

function scan(doc: LintDocument): DocumentTitle | undefined {
  const prose = doc.prose;
  // Only the first lines matter: cheap exit when 关于 is not near the start.
  const about = prose.indexOf('关于');
  if (about === -1 || about > 400) return undefined;
  const lines: TitleLine[] = [];
  let text = '';
  const offsets: number[] = [];
  let trailing: { start: number; end: number } | undefined;
  let seenTitle = false;
  const n = Math.min(doc.lineCount, MAX_LINES_SCANNED);
  for (let li = 0; li < n; li++) {
    const ls = doc.lineStart(li);
    const le = doc.lineEnd(li);
    let raw = prose.slice(ls, le);
    if (doc.format === 'markdown') raw = raw.replace(/^#{1,6}[ \t]+/, '').replace(/^\*\*(.*)\*\*$/, '$1');
    const content = raw.replace(SPACES, '');
    if (content === '') continue;
    if (!seenTitle && isPreamble(content)) continue;
    // A line that is no part of a title ends the title.
    if (content.length > 60) break;
    if (/^([一二三四五六七八九十]+、|[（(][一二三四五六七八九十0-9]+[）)]|[0-9]+[.．、]|第[一二三四五六七八九十]+[章条节])/.test(content)) break;
    if (/[：:]$/.test(content)) break;
    if (/^(新华社|人民网|中新网|本报)/.test(content)) break;
    if (isPreamble(content)) break;
    let body = content;
    let trail: string | undefined;
    if (TRAILING.includes(body[body.length - 1])) {
      trail = body[body.length - 1];
      body = body.slice(0, -1);
    }
    // Sentence punctuation inside the line: running text.
    if (/[。，；！？：,;!?]/.test(body)) break;
    if (lines.length >= MAX_TITLE_LINES) return undefined;
    const lineStartInRaw = ls + prose.slice(ls, le).indexOf(body);
    if (lineStartInRaw < ls) return undefined;
    for (let k = 0; k < body.length; k++) offsets.push(lineStartInRaw + k);
    text += body;
    const bodyEnd = lineStartInRaw + body.length;
    lines.push({ start: lineStartInRaw, end: bodyEnd + (trail ? 1 : 0) });
    seenTitle = true;
    if (trail) {
      trailing = { start: bodyEnd, end: bodyEnd + 1 };
      break;
    }
    if (endingType(text)) break;
  }
  if (lines.length === 0) return undefined;
  const ab = text.indexOf('关于');
  if (ab === -1 || text.lastIndexOf('的') < ab + 2) return undefined;
  // 关于 inside a 书名号 (你市《关于…的请示》悉) is a citation, not the title's own 关于.
  if (text.lastIndexOf('《', ab) > text.lastIndexOf('》', ab)) return undefined;
  // Before 关于 stands the issuing organ (国务院办公厅, ××县人民政府, 财政部 税务总局…) or nothing;
  // a sentence (我们收到了关于…) is no title.
  const organ = text.slice(0, ab).replace(/[ \u3000]+$/, '');
  if (organ !== '' && !ORGAN_END.test(organ)) return undefined;
  if (trailing && /[：:、]/.test(prose[trailing.start])) return undefined;
  return { lines, text, offsets, trailing, docType: endingType(text) };
}

function endingType(text: string): string | undefined {
  for (const t of DOC_TYPES) if (text.endsWith(t)) return t;
  return undefined;
}
