/** `npm run sync:rule-lists`: rewrites the rule lists in package.json and the config schema. */
import * as path from 'path';
import { allRules } from '../registry';
import { syncRuleLists } from '../rule-lists';

const root = path.resolve(__dirname, '..', '..', '..');
const changed = syncRuleLists(root, allRules, true);
process.stdout.write(changed.length > 0 ? `updated: ${changed.join(', ')}\n` : 'rule lists are up to date\n');
