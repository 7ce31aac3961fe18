import * as assert from 'assert';
import { requireShared } from '../helpers/shared';

describe('corpus layer', () => {
  it('has ../shared with the seed speech and the corpus', () => {
    assert.ok(requireShared('seed', 'speech.txt'));
    assert.ok(requireShared('corpus', 'gov-docs'));
  });
});
