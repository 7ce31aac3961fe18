import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { run, tempProject, TWO_COMMAS, type TempDir } from './helpers';
import { parseConfig } from '../../rules/engine/config';
import { allRules } from '../../rules/registry';
import { initConfigText } from '../../server/cli/init-config';

interface JsonResult {
  filePath: string;
  messages: Array<{ ruleId: string | null; severity: number }>;
}

describe('CLI: --rule, --print-config, --init', () => {
  let t: TempDir;
  beforeEach(() => {
    t = tempProject();
  });
  afterEach(() => t.cleanup());

  const ruleIds = async (argv: string[]): Promise<{ code: number; ids: Array<[string | null, number]>; stderr: string }> => {
    const r = await run(['-f', 'json', ...argv], { cwd: t.dir });
    const results = r.stdout ? (JSON.parse(r.stdout) as JsonResult[]) : [];
    return { code: r.code, ids: results.flatMap((f) => f.messages.map((m): [string | null, number] => [m.ruleId, m.severity])), stderr: r.stderr };
  };

  describe('--rule', () => {
    it('turns a rule off over the config file', async () => {
      t.write('doc.txt', TWO_COMMAS);
      assert.strictEqual((await ruleIds(['doc.txt'])).ids.length, 2);
      const off = await ruleIds(['--rule', 'comma-width:off', 'doc.txt']);
      assert.deepStrictEqual(off.ids, []);
      assert.strictEqual(off.code, 0);
    });

    it('raises a level (error → exit 1), in both id:level and id=level forms, last one wins', async () => {
      t.write('doc.txt', TWO_COMMAS);
      const up = await ruleIds(['--rule', 'comma-width=error', 'doc.txt']);
      assert.deepStrictEqual(up.ids, [['comma-width', 2], ['comma-width', 2]]);
      assert.strictEqual(up.code, 1);
      const twice = await ruleIds(['--rule', 'comma-width:error', '--rule=comma-width:off', 'doc.txt']);
      assert.deepStrictEqual(twice.ids, []);
    });

    it('turns on a rule the config file turned off, and accepts [level, options] as JSON', async () => {
      t.write('doc.txt', '通知如下：请XX同志参加。\n');
      assert.deepStrictEqual((await ruleIds(['doc.txt'])).ids, []);
      const on = await ruleIds(['--rule', 'placeholder:["warn",{}]', 'doc.txt']);
      assert.ok(on.ids.length > 0 && on.ids.every(([id, sev]) => id === 'placeholder' && sev === 1), JSON.stringify(on.ids));
    });

    it('a typo is a usage error naming the closest rule id, exit 2, no report', async () => {
      t.write('doc.txt', TWO_COMMAS);
      const r = await run(['--rule', 'coma-width:off', 'doc.txt'], { cwd: t.dir });
      assert.strictEqual(r.code, 2);
      assert.match(r.stderr, /coma-width/);
      assert.match(r.stderr, /comma-width/);
      assert.strictEqual(r.stdout, '');
    });

    it('a bad level or malformed value is a usage error', async () => {
      t.write('doc.txt', TWO_COMMAS);
      for (const spec of ['comma-width:loud', 'comma-width', 'comma-width:[warn']) {
        const r = await run(['--rule', spec, 'doc.txt'], { cwd: t.dir });
        assert.strictEqual(r.code, 2, spec);
        assert.match(r.stderr, /--rule/, spec);
      }
    });
  });

  describe('--print-config', () => {
    it('prints every rule with its level and where the level comes from', async () => {
      const doc = t.write('sub/doc.txt', TWO_COMMAS);
      const r = await run(['--print-config', 'sub/doc.txt', '--rule', 'placeholder:error'], { cwd: t.dir });
      assert.strictEqual(r.code, 0, r.stderr);
      const printed = JSON.parse(r.stdout) as { file: string; configFiles: string[]; rules: Record<string, { level: string; from: string }> };
      assert.strictEqual(printed.file, doc);
      assert.deepStrictEqual(printed.configFiles, [path.join(t.dir, '.gongwenrc.json')]);
      assert.deepStrictEqual(Object.keys(printed.rules).sort(), allRules.map((x) => x.meta.id).sort());
      assert.deepStrictEqual(printed.rules['comma-width'], { level: 'warn', options: {}, from: 'config', source: path.join(t.dir, '.gongwenrc.json') });
      assert.deepStrictEqual(printed.rules['placeholder'], { level: 'error', options: {}, from: 'cli' });
      assert.strictEqual(printed.rules['quote-style'].level, 'off');
    });

    it('without a config file, every rule is at its default level', async () => {
      const bare = tempProject(null);
      try {
        bare.write('doc.txt', TWO_COMMAS);
        const r = await run(['--print-config', 'doc.txt'], { cwd: bare.dir });
        const printed = JSON.parse(r.stdout) as { rules: Record<string, { level: string; from: string }> };
        for (const rule of allRules) {
          assert.deepStrictEqual(printed.rules[rule.meta.id], { level: rule.meta.defaultSeverity, options: {}, from: 'default' }, rule.meta.id);
        }
      } finally {
        bare.cleanup();
      }
    });

    it('a broken config file is reported on stderr with exit 2, and the config is still printed', async () => {
      t.write('.gongwenrc.json', '{ "rules": { "comma-width": "loud" } }');
      t.write('doc.txt', TWO_COMMAS);
      const r = await run(['--print-config', 'doc.txt'], { cwd: t.dir });
      assert.strictEqual(r.code, 2);
      assert.match(r.stderr, /\.gongwenrc\.json:1:\d+/);
      assert.strictEqual((JSON.parse(r.stdout) as { rules: Record<string, { from: string }> }).rules['comma-width'].from, 'default');
    });
  });

  describe('--init', () => {
    it('writes a .gongwenrc.yaml that lists every rule at its default level and loads without a problem', async () => {
      const bare = tempProject(null);
      try {
        const r = await run(['--init'], { cwd: bare.dir });
        assert.strictEqual(r.code, 0, r.stderr);
        const file = path.join(bare.dir, '.gongwenrc.yaml');
        assert.match(r.stdout, /\.gongwenrc\.yaml/);
        const text = fs.readFileSync(file, 'utf8');
        const { layer, problems } = parseConfig(text, file, allRules);
        assert.deepStrictEqual(problems, []);
        for (const rule of allRules) assert.strictEqual(layer.rules?.[rule.meta.id]?.level, rule.meta.defaultSeverity, rule.meta.id);
        assert.strictEqual(layer.root, undefined, 'the starter config must not cut off parent configs');
        // The written config is the one the checker then uses.
        bare.write('doc.txt', TWO_COMMAS);
        const printed = await run(['--print-config', 'doc.txt'], { cwd: bare.dir });
        assert.deepStrictEqual((JSON.parse(printed.stdout) as { configFiles: string[] }).configFiles, [file]);
      } finally {
        bare.cleanup();
      }
    });

    it('never overwrites an existing config (exit 2, file unchanged)', async () => {
      const before = fs.readFileSync(path.join(t.dir, '.gongwenrc.json'), 'utf8');
      const r = await run(['--init'], { cwd: t.dir });
      assert.strictEqual(r.code, 2);
      assert.match(r.stderr, /\.gongwenrc\.json/);
      assert.strictEqual(fs.readFileSync(path.join(t.dir, '.gongwenrc.json'), 'utf8'), before);
      assert.ok(!fs.existsSync(path.join(t.dir, '.gongwenrc.yaml')));
    });

    it('the commented overrides example is a valid config once uncommented', () => {
      const lines = initConfigText(allRules).split('\n');
      const start = lines.indexOf('# overrides:');
      assert.ok(start > 0);
      const end = lines.indexOf('', start);
      const example = lines.slice(start, end).map((l) => l.replace(/^# ?/, '')).join('\n');
      const { layer, problems } = parseConfig(example, '/p/.gongwenrc.yaml', allRules);
      assert.deepStrictEqual(problems, []);
      assert.strictEqual(layer.overrides?.length, 2);
    });

    it('the template text names each rule once', () => {
      const text = initConfigText(allRules);
      for (const rule of allRules) assert.strictEqual(text.split(`\n  ${rule.meta.id}:`).length, 2, rule.meta.id);
    });
  });
});
