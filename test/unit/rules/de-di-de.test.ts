import * as assert from 'assert';
import { testRule } from '../../helpers/rule-tester';
import { deDiDe } from '../../../rules/checks/language/de-di-de';
import { lint } from '../../../rules/engine/runner';
import type { SegmenterHandle, TaggedWord } from '../../../rules/engine/segmenter-types';
import { segmenter } from '../../../rules/engine/segmenter';

testRule(deDiDe, {
  valid: [
    { code: '我们要坚定不移推进高质量发展。', name: 'no particle after an adverbial is standard 公文 style (never suggest adding 地)' },
    { code: '全面推进依法治国，深入实施创新驱动发展战略，切实加强党的建设。', name: '全面推进 / 深入实施 / 切实加强' },
    { code: '我们要坚定不移地推进高质量发展。', name: 'correct 地' },
    { code: '实施积极的财政政策和稳健的货币政策。', name: 'nominal 的: 积极的财政政策' },
    { code: '出台有针对性的措施。', name: 'nominal 的: 有针对性的措施' },
    { code: '要对重大问题进行认真的研究。', name: 'light verb + adjective + 的 + vn: 进行认真的研究' },
    { code: '实行最严格的节约用地制度。', name: 'adverbial inside an object noun phrase' },
    { code: '以严格的标准防范风险。', name: 'after a preposition' },
    { code: '实施积极的就业政策。', name: 'verb + noun compound as a noun modifier' },
    { code: '积极探索多种务实有效的实施方式。', name: 'nominal head later in the clause' },
    { code: '加快土地的集约利用，总结各地的经验，进一步加大实地督查力度。', name: '地 inside words: 土地, 各地, 实地' },
    { code: '的确如此。目的在于提高效率。', name: '的 inside words: 的确, 目的' },
    { code: '取得显著成效，得到广泛认可，值得推广。', name: '得 inside words: 取得, 得到, 值得' },
    { code: '以营利为目的的组织不得参与。', name: '目的 + 的 is not a doubled particle' },
    { code: '这件事的的确确办得好。', name: '的的确确 is a word' },
    { code: '这是地地道道的本地产品。', name: '地地道道 is a word' },
    { code: '有的的确做得很好，当地地道的做法值得推广。', name: '有的 + 的确, 当地 + 地道' },
    { code: '各地地方政府要抓紧落实。', name: '各地 + 地方' },
    { code: '我们做的工作很多。', name: 'noun after 的: 做的工作' },
    { code: '工作的不到位是主要原因。', name: 'noun + 的 + 不到位 is nominal' },
    { code: '城市建设的很多方面，建设的更好，', name: 'vn + 的 + complement without 把 stays silent' },
    { code: '取得了显著的成效。', name: 'correct 的 before a noun' },
    { code: '显著地提高了效率，更好地调动积极性。', name: 'correct 地 before a verb' },
    { code: '工作落实得不到位，抓得不紧。', name: 'correct 得' },
    { code: '代码 `坚定不移的推进` 不检查。', format: 'markdown', name: 'inline code in Markdown' },
    { code: '形成公平有序的融合发展新环境。', name: 'verb + nominal chain ending in a noun head' },
    { code: '出台积极的推动改革的措施。', name: 'a relative clause: 的 + 措施 later in the clause' },
    { code: '建立健全科学、合理、有效的量化评估指标体系。', name: 'series of attributes before a compound noun' },
    { code: '全面的检查结果表明问题不少。积极的参与意识。严格的审查程序是质量的保障。', name: 'verb + noun head at clause start (检查结果, 参与意识, 审查程序)' },
    { code: '准确的统计信息，科学的操作规范，有力的执法保障体系。', name: 'verbs that modify nouns directly' },
    {
      code: '严格的执行标准体系。科学的评价体系尚未建立。有效的沟通机制。认真的学习态度值得肯定。深入的调查研究是前提。及时的救助行动挽救了生命。主动的服务意识。充分的思想准备。精准的帮扶政策。积极的财政政策要提质增效。',
      name: 'adjective + 的 + nominal phrases at clause start',
    },
  ],
  invalid: [
    {
      name: 'seed: 坚定不移的推进 → suggestions 地 / no particle, no automatic fix',
      code: '我们要坚定不移的推进高质量发展。',
      errors: [
        {
          line: 1,
          column: 4,
          endColumn: 11,
          messageIncludes: '状语',
          suggestions: ['我们要坚定不移地推进高质量发展。', '我们要坚定不移推进高质量发展。'],
        },
      ],
      output: null,
    },
    {
      name: 'adverbial + 的 + verb with object',
      code: '各级干部要认真的学习贯彻会议精神。',
      errors: [{ suggestions: ['各级干部要认真地学习贯彻会议精神。', '各级干部要认真学习贯彻会议精神。'] }],
      output: null,
    },
    {
      name: 'adverbial + 的 + preposition phrase',
      code: '我们要坚定自觉的把党中央决策部署落到实处。',
      errors: [{ messageIncludes: '由“把”引出的动作', suggestions: ['我们要坚定自觉地把党中央决策部署落到实处。', '我们要坚定自觉把党中央决策部署落到实处。'] }],
      output: null,
    },
    {
      name: 'clause start + adverbial + 的 + verb with object',
      code: '会议强调，严肃认真的对待群众意见。',
      errors: [{ suggestions: ['会议强调，严肃认真地对待群众意见。', '会议强调，严肃认真对待群众意见。'] }],
      output: null,
    },
    {
      name: 'clause start + adverbial + 的 + verb: several',
      code: '有效的防范化解重大风险，科学的制定发展规划，严格的控制人口规模，有序的引导人口流动，全面的提高教育质量。',
      errors: 5,
      output: null,
    },
    {
      name: 'verb–object phrase kept as one word by jieba',
      code: '稳妥的推进改革。',
      errors: [{ messageIncludes: '动词短语“推进改革”', suggestions: ['稳妥地推进改革。', '稳妥推进改革。'] }],
      output: null,
    },
    {
      name: 'adverb between 的 and the verb',
      code: '必须毫不动摇的长久坚持，确保稳定。',
      errors: [{ messageIncludes: '“毫不动摇地长久坚持”' }],
      output: null,
    },
    {
      name: 'noun subject + adverbial + 的 + action verb',
      code: '使预算安排和政策更好的贯彻落实党中央决策部署。',
      errors: 1,
      output: null,
    },
    {
      name: 'modal + adverbial + 的 + verb at clause end',
      code: '对此要认真的贯彻落实。',
      errors: [{ suggestions: ['对此要认真地贯彻落实。', '对此要认真贯彻落实。'] }],
      output: null,
    },
    {
      name: 'verb + 的 + degree complement → 得 (fix)',
      code: '一些地方政策落实的不到位。',
      errors: [{ column: 7, endColumn: 13, messageIncludes: '补语' }],
      output: '一些地方政策落实得不到位。',
    },
    {
      name: '把 + vn + 的 + complement',
      code: '要把革命老区建设的更好，让群众满意。',
      errors: 1,
      output: '要把革命老区建设得更好，让群众满意。',
    },
    {
      name: 'two complements in one sentence',
      code: '有的工作抓的很紧，有的落实的不够扎实。',
      errors: 2,
      output: '有的工作抓得很紧，有的落实得不够扎实。',
    },
    {
      name: '地 + noun → 的 (fix)',
      code: '取得了显著地成效。',
      errors: [{ column: 4, endColumn: 9, messageIncludes: '定语' }],
      output: '取得了显著的成效。',
    },
    {
      name: '有针对性地措施 → 有针对性的措施',
      code: '出台有针对性地措施。',
      errors: [{ column: 3, endColumn: 10 }],
      output: '出台有针对性的措施。',
    },
    {
      name: 'idiom + 地 + compound noun → 的',
      code: '总结推广行之有效地政策措施。',
      errors: [{ messageIncludes: '“行之有效”' }],
      output: '总结推广行之有效的政策措施。',
    },
    {
      name: 'doubled 的',
      code: '这是今年工作的的重点。',
      errors: [{ column: 7, endColumn: 9, messageIncludes: '重复' }],
      output: '这是今年工作的重点。',
    },
    {
      name: 'doubled 地',
      code: '要认真地地学习。',
      errors: 1,
      output: '要认真地学习。',
    },
    {
      name: 'doubled 得 after 取得',
      code: '取得得成绩令人鼓舞。',
      errors: 1,
      output: '取得成绩令人鼓舞。',
    },
    {
      name: 'astral character before the finding keeps UTF-16 columns right',
      code: '𠮷工作落实的不到位。',
      // 𠮷 is two UTF-16 code units.
      errors: [{ line: 1, column: 5, endColumn: 11 }],
      output: '𠮷工作落实得不到位。',
    },
    {
      name: 'CRLF lines',
      code: '第一段。\r\n取得了显著地成效。\r\n我们要坚定不移的推进改革。\r\n',
      errors: [{ line: 2, column: 4 }, { line: 3, column: 4 }],
      output: '第一段。\r\n取得了显著的成效。\r\n我们要坚定不移的推进改革。\r\n',
    },
  ],
});

/** Records every call so tests can see whether and on what the segmenter ran. */
function spySegmenter(): SegmenterHandle & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    tag(text: string): TaggedWord[] {
      calls.push(text);
      return segmenter.tag(text);
    },
    get loaded(): boolean {
      return calls.length > 0;
    },
  };
}

function throwingSegmenter(): SegmenterHandle {
  return {
    tag(): TaggedWord[] {
      throw new Error('segmenter must not be called');
    },
    loaded: false,
  };
}

describe('de-di-de segmenter use', () => {
  const run = (text: string, seg: SegmenterHandle): number =>
    lint(text, { rules: [deDiDe], segmenter: seg, dictionaries: { entries: [] } as never }).findings.length;

  it('never calls the segmenter on a document without 的/地/得', () => {
    assert.strictEqual(run('全面推进依法治国，深入实施创新驱动发展战略。'.repeat(50), throwingSegmenter()), 0);
  });

  it('never calls the segmenter when the character pre-filter clears every particle', () => {
    assert.strictEqual(run('我国的经济总量。土地和各地的经验。取得成效，获得好评。'.repeat(20), throwingSegmenter()), 0);
  });

  it('tags only the clause around a candidate, once per clause', () => {
    const spy = spySegmenter();
    const text = '过去一年，经济运行总体平稳，各项事业取得新进展。我们要坚定不移的推进高质量发展，开创新局面。';
    assert.strictEqual(run(text, spy), 1);
    assert.deepStrictEqual(spy.calls, ['我们要坚定不移的推进高质量发展']);
  });
});

describe('de-di-de on random text built from its trigger words', function () {
  this.timeout(60000);
  // Imported lazily so this file still reads as a plain rule test.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const fc = require('fast-check') as typeof import('fast-check');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { violations } = require('../../property/check') as typeof import('../../property/check');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { propertyParams } = require('../../property/arbitraries') as typeof import('../../property/arbitraries');
  const pieces = [
    '的', '地', '得', '坚定不移', '推进', '改革', '认真', '落实', '贯彻落实', '很', '紧', '不到位', '不够', '扎实', '显著',
    '成效', '有', '针对性', '措施', '取得', '的确', '目的', '各地', '地方', '要', '我们', '抓', '把', '更好', '发挥', '作用',
    '积极', '政策', '行之有效', '、', '，', '。', '𠮷', '\r\n', '\n', ' ', '`', 'http://a.cn/的的',
  ];
  const textArb = fc.array(fc.constantFrom(...pieces), { maxLength: 30 }).map((a) => a.join(''));

  it('no throw, valid ranges, fixes converge and are idempotent', () => {
    fc.assert(
      fc.property(textArb, fc.constantFrom('text' as const, 'markdown' as const), (text, format) => {
        const v = violations(text, { format, rules: [deDiDe], config: { rules: {}, dictionaries: [], date: '2024-01-01' } });
        assert.deepStrictEqual(v, [], JSON.stringify(text));
      }),
      propertyParams(300),
    );
  });
});
