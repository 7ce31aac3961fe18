/**
 * Word lists for the 的/地/得 rule. They are our own selection of common 公文 wording; the tag set
 * is jieba's (ICTCLAS-style). Lists are deliberately short and conservative: a word missing here
 * means a missed finding, a wrong word here means false alarms on real documents.
 */

/** Words that work as adverbials before a verb (…地推进 or, in 公文 style, bare: 全面推进). */
export const ADVERBIALS: ReadonlySet<string> = new Set([
  '坚定不移', '毫不动摇', '坚持不懈', '持之以恒', '锲而不舍', '旗帜鲜明', '实事求是', '积极', '认真', '扎实',
  '切实', '深入', '全面', '有效', '稳妥', '有序', '稳步', '逐步', '不断', '主动', '及时', '大力', '精准',
  '科学', '依法', '严格', '充分', '更好', '进一步', '有针对性', '创造性', '自觉', '坚决', '牢牢', '广泛',
  '深刻', '准确', '全力', '努力', '着力', '加快', '统筹', '有力', '扎扎实实', '认认真真',
  '踏踏实实', '实实在在', '尽快', '迅速', '高效', '密切', '彻底', '妥善', '有计划', '有步骤', '有重点',
  '坚定自觉', '严肃认真', '更加自觉', '更加积极', '更加主动',
]);

/** Verbs that take an object and commonly follow an adverbial in 公文 (推进改革, 落实责任). */
export const ACTION_VERBS: ReadonlySet<string> = new Set([
  '推进', '推动', '加强', '落实', '贯彻', '贯彻落实', '学习', '学习贯彻', '开展', '实施', '执行', '做好',
  '抓好', '完善', '解决', '处理', '应对', '防范', '化解', '维护', '促进', '提高', '提升', '增强', '加快',
  '发挥', '履行', '制定', '组织', '引导', '推行', '宣传', '查处', '整治', '打击', '调动', '激发', '把握',
  '抓住', '坚持', '深化', '扩大', '改善', '改进', '营造', '构建', '建立', '健全', '对接', '融入', '回应',
  '采取', '纠正', '克服', '办理', '完成', '承担', '用好', '管好', '办好', '搞好', '抓紧', '落实好',
  '推进改革', '贯彻执行', '参与', '融合', '提供', '支持', '保障', '保护', '加大', '转变', '破解',
  '解决好', '谋划', '部署', '推广', '完善好', '开创', '建设', '投入', '践行', '弘扬', '传承', '守护',
  '反对', '实现', '了解', '体现', '巩固', '给予', '设置', '提出', '满足', '借鉴', '参加', '选派', '对待',
  '延续', '发布', '披露', '拓展', '学会', '坚持和加强', '巩固和发展', '吸收', '帮助', '指导', '督促',
  '检查', '听取', '接受', '争取', '适应', '服从', '遵守', '保持', '消除', '降低', '减少', '增加',
]);

/** Degree words that open a complement after 得 (做得很好, 落实得不够扎实). */
export const DEGREE_WORDS = [
  '越来越', '还不够', '不够', '非常', '十分', '特别', '相当', '比较', '更加', '不太', '不大', '不很',
  '很', '较', '太', '更', '不',
];

/**
 * Adjectives that complete a degree complement (做得很好). 多/少 are left out on purpose:
 * 反映的很多 is usually 反映的[问题]很多, not a complement.
 */
export const COMPLEMENT_ADJECTIVES = [
  '到位', '扎实', '充分', '明显', '清楚', '彻底', '出色', '顺利', '全面', '深入', '具体', '规范', '精准',
  '及时', '有效', '突出', '严格', '细致', '透彻', '准确', '完善', '好', '快', '慢', '紧', '实', '细',
  '深', '透', '严', '准', '早', '晚', '高', '低',
];

/** Modal and auxiliary words after which an adverbial is certainly adverbial (要坚定不移地推进). */
export const MODALS: ReadonlySet<string> = new Set([
  '要', '必须', '应', '应当', '应该', '需', '需要', '须', '务必', '将', '会', '能', '能够', '可', '可以',
  '还要', '更要', '都要', '也要', '就要', '一定要', '坚持', '继续', '仍要', '正在', '已经', '要求',
]);

/** Noun heads that follow 的, never 地 (显著的成效); jieba sometimes tags them a or v. */
export const NOUN_HEADS: ReadonlySet<string> = new Set([
  '成效', '成果', '效果', '措施', '进展', '成绩', '局面', '政策', '作用', '意义', '氛围', '环境', '机制',
  '体系', '制度', '格局', '举措', '办法', '方法', '手段', '途径', '目标', '任务', '问题', '水平', '能力',
  '基础', '条件', '优势', '经验', '做法', '态度', '决心', '信心', '精神', '力量', '意见', '方案', '标准',
  '方式', '模式', '路径', '平台', '工程', '项目', '理念', '思路', '原则', '结果', '意识', '情况', '过程', '程序',
  '效率', '质量', '积极性', '主动性', '力度', '范围', '对象', '内容', '渠道', '载体', '主体', '重点', '难点',
  '期限', '规范', '体制', '模型', '框架', '系统', '网络', '队伍', '人员', '单位', '部门', '机构', '主体',
]);

/** Also closes a nominal phrase after 的 + verb (有序的融合应用), though these can be verbs too. */
export const NOMINAL_TAILS: ReadonlySet<string> = new Set(['应用', '行动', '计划']);

/** Adjectives that may stand before 地 besides the adverbials (显著地提高 / 显著的成效). */
export const DI_ADJECTIVES: ReadonlySet<string> = new Set(['显著', '明显', '良好', '积极', '主动', '自觉', '切实', '有效']);

/** 的 belongs to these words (目的, 标的): 目的的 is not a doubled particle. */
export const WORDS_ENDING_IN_DE = ['目的', '标的', '端的', '众矢之的', '有的放矢'];
