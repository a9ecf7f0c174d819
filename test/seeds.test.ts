import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const seeds = path.resolve('seeds');
const delivered = path.resolve('..', 'shared', 'seeds');

describe('seeds/', () => {
  it('holds the delivered reports byte for byte, under the same names', () => {
    expect(existsSync(delivered), `${delivered} must sit beside the repo`).toBe(true);
    const ours = readdirSync(seeds).sort();
    const theirs = readdirSync(delivered).sort();
    expect(ours).toEqual(theirs);
    for (const name of theirs) {
      expect(readFileSync(path.join(seeds, name)).equals(readFileSync(path.join(delivered, name))), name).toBe(true);
    }
  });
});
