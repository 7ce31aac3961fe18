import type { Rule } from '../../engine/types';

/**
 * Two 点号 in a row (，， 。。 ：， ；。 …). Doubled identical marks are a typing slip: the second is
 * deleted. Two different marks need the writer to choose, so they get suggestions, not a fix.
 * Allowed: ？ and ！ together or repeated (GB/T 15834-2011 4.2, 4.3 叠用), and a 标号 next to a
 * 点号 (”， ）。 》，). `。。。` is an ellipsis typed wrong and belongs to ellipsis-dash.
 */

const NAME: Record<string, string> = { '，': '逗号', '。': '句号', '、': '顿号', '；': '分号', '：': '冒号', '？': '问号', '！': '叹号' };

export const duplicatePunctuation: Rule = {
  meta: {
    id: 'duplicate-punctuation',
    category: 'punctuation',
    description: '点号不应连用（如“，，”“。。”“：，”），问号、叹号叠用除外',
    defaultSeverity: 'warn',
    fixable: true,
    basis: 'GB/T 15834-2011 3.1（点号表示停顿和语气）及第4章各点号的用法（标准没有同一处停顿连用两个点号的用法，据此一处停顿只用一个点号）；4.2、4.3（问号、叹号可叠用）',
    basisLevel: '国标',
    docs: 'rules/docs/duplicate-punctuation.md',
  },
  check(ctx) {
    const text = ctx.doc.prose;
    const re = /[，。、；：？！]{2,}/g;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const run = m[0];
      const start = m.index;
      if (/^[？！]+$/.test(run)) continue;
      // Groups of one mark: `，，，` is one finding; 。。。 is an ellipsis (ellipsis-dash).
      const groups: { ch: string; at: number; len: number }[] = [];
      for (let k = 0; k < run.length; k++) {
        const last = groups[groups.length - 1];
        if (last && last.ch === run[k]) last.len++;
        else groups.push({ ch: run[k], at: start + k, len: 1 });
      }
      const ellipsis = (g: { ch: string; len: number }): boolean => g.ch === '。' && g.len >= 3;
      const exclaim = (ch: string): boolean => ch === '？' || ch === '！';
      groups.forEach((g, n) => {
        if (g.len >= 2 && !exclaim(g.ch) && !ellipsis(g)) {
          ctx.report({
            start: g.at,
            end: g.at + g.len,
            message: `${NAME[g.ch]}“${g.ch}”重复使用：一处停顿只用一个点号（据 GB/T 15834-2011 3.1 和第4章点号的用法）。请只保留一个“${g.ch}”。`,
            fix: { start: g.at + 1, end: g.at + g.len, text: '' },
          });
        }
        const h = groups[n + 1];
        if (!h || ellipsis(g) || ellipsis(h) || (exclaim(g.ch) && exclaim(h.ch))) return;
        const a = g.at + g.len - 1;
        ctx.report({
          start: a,
          end: a + 2,
          message: `点号连用：“${g.ch}${h.ch}”（${NAME[g.ch]}后接${NAME[h.ch]}），一处停顿只用一个点号（据 GB/T 15834-2011 3.1 和第4章点号的用法）。请按语意保留其中一个。`,
          suggestions: [
            { title: `保留${NAME[g.ch]}“${g.ch}”`, edit: { start: a + 1, end: a + 2, text: '' } },
            { title: `保留${NAME[h.ch]}“${h.ch}”`, edit: { start: a, end: a + 1, text: '' } },
          ],
        });
      });
    }
  },
};
