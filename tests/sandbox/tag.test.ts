import { afterEach, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../sandbox/index';
import { call, del, post, put, sandbox } from './helpers';

// Tag (frappe/desk/doctype/tag/tag.json): Prompt-named, role All may create and write, System Manager deletes.
// The provisioner's site lease is a Tag, so these are the behaviours the lease relies on.

describe('Tag', () => {
  let sb: Sandbox;
  afterEach(async () => sb?.stop());

  it('is named by the caller; a second insert of that name is a DuplicateEntryError', async () => {
    sb = await sandbox();
    const first = await post(sb, '/api/resource/Tag', { name: 'lease: Corner Cafe', description: '{"holder":"a"}' }, 'norole');
    expect([first.status, first.body.data?.name]).toEqual([200, 'lease: Corner Cafe']);
    const second = await post(sb, '/api/resource/Tag', { name: 'lease: Corner Cafe', description: '{"holder":"b"}' }, 'provisioner');
    expect([second.status, second.body.exc_type]).toEqual([409, 'DuplicateEntryError']);
  });

  it('refuses a write carrying a stale modified (compare-and-swap), and deletes only for a System Manager', async () => {
    sb = await sandbox();
    const created = await post(sb, '/api/resource/Tag', { name: 'lease: X', description: 'one' });
    const stale = created.body.data.modified as string;
    const path = `/api/resource/Tag/${encodeURIComponent('lease: X')}`;
    expect((await put(sb, path, { description: 'two', modified: stale })).status).toBe(200);
    const refused = await put(sb, path, { description: 'three', modified: stale });
    expect([refused.status, refused.body.exc_type]).toEqual([417, 'TimestampMismatchError']);
    expect((await del(sb, path, 'norole')).status).toBe(403);
    expect((await call(sb, 'DELETE', path, { who: 'provisioner' })).status).toBe(202);
  });
});
