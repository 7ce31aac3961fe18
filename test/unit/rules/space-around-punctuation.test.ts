import { testRule } from '../../helpers/rule-tester';
import { spaceAroundPunctuation } from '../../../rules/checks/punctuation/space-around-punctuation';

testRule(spaceAroundPunctuation, {
  valid: [
    { code: '　　现在，我代表国务院，向大会报告政府工作。', name: 'full-width indentation' },
    { code: '    现在，我代表国务院。', name: 'ASCII indentation' },
    { code: '- 推进改革，促进发展。\n## 一、总体要求\n1. 加强领导。', format: 'markdown', name: 'Markdown list and heading markup' },
    { code: '| 项目 | 内容。 |', format: 'markdown', name: 'table cell padding' },
    { code: '中共中央 国务院关于加快建设全国统一大市场的意见，现予印发。', name: 'joint issuers' },
    { code: '国 务 院', name: 'letter-spaced title' },
    { code: '新华社北京9月20日电 消费是最终需求，既是生产的最终目的。', name: 'dateline' },
    { code: '印发《关于做好公路交通保通保畅工作 确保人员车辆正常通行的通知》，请遵照执行。', name: 'space inside a quoted title' },
    { code: '切实加强疫情科学防控 有序做好企业复工复产工作新华社北京2月9日电 2月9日，国务院印发通知。', name: 'headline run into its dateline' },
    { code: '第五条  各级党委和政府应当切实加强领导。', name: 'article number layout' },
    { code: '第五条 各级党委和政府应当切实加强领导。', name: 'article number with one space' },
    { code: '填表时间：  年  月  日', name: 'blank form fields (runs of spaces)' },
    { code: '于漪（女） 上海市杨浦高级中学名誉校长', name: 'name list line without sentence punctuation' },
    { code: '2022年 GDP 增长8.1%，', name: 'spaces between Chinese and Latin are not this rule' },
    { code: '国务院总理　李克强', name: 'U+3000' },
    { code: '代码 `a， b` 不检查。', format: 'markdown', name: 'inline code' },
    { code: '推进改革， \n促进发展。', name: 'trailing space' },
  ],
  invalid: [
    { code: '迈出坚实步伐， 建设幸福美好', errors: [{ column: 8, endColumn: 9, messageIncludes: '“，”后有多余的空格' }], output: '迈出坚实步伐，建设幸福美好' },
    { name: 'space after a half-width comma (the seed case)', code: '迈出坚实步伐, 建设幸福美好', errors: [{ column: 8 }], output: '迈出坚实步伐,建设幸福美好' },
    { code: '现通知如下 ：', errors: [{ messageIncludes: '“：”前' }], output: '现通知如下：' },
    { name: 'NBSP', code: '推进改革，\u00a0促进发展。', errors: [{ messageIncludes: '不换行空格' }], output: '推进改革，促进发展。' },
    { name: 'heading number followed by a space', code: '一、 总体要求', errors: 1, output: '一、总体要求' },
    { name: 'space in a 发文字号 line', code: '国办发 〔2016〕83号', errors: 1, output: '国办发〔2016〕83号' },
    { code: '根据国办发 〔2016〕83号文件要求，现通知如下。', errors: 1, output: '根据国办发〔2016〕83号文件要求，现通知如下。' },
    {
      name: 'space between Chinese words: suggestions only',
      code: '要加强领导 落实责任，确保完成。',
      errors: [{ column: 6, suggestions: ['要加强领导落实责任，确保完成。', '要加强领导，落实责任，确保完成。'] }],
      output: null,
    },
    { name: 'CRLF and astral', code: '甲。\r\n𠮷田， 推进。\r\n', errors: [{ line: 2, column: 5 }], output: '甲。\r\n𠮷田，推进。\r\n' },
  ],
});
