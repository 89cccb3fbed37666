import { Connection } from '@temporalio/client';
import { inject, describe, expect, it } from 'vitest';
import { SEARCH_ATTRIBUTES } from '../workflows/search-attributes.js';
import { ensureSearchAttributes } from './search-attributes.js';

describe('search attributes', () => {
  it('are registered on the dev server with their types, so ensuring them again adds nothing', async () => {
    const connection = await Connection.connect({ address: inject('temporalAddress') });
    try {
      const { customAttributes } = await connection.operatorService.listSearchAttributes({ namespace: 'default' });
      for (const key of SEARCH_ATTRIBUTES) expect(Object.keys(customAttributes ?? {})).toContain(key.name);
      expect(SEARCH_ATTRIBUTES.map((k) => k.name)).toContain('QinglanWaitingOn');
      expect(await ensureSearchAttributes(connection, 'default')).toEqual([]);
    } finally {
      await connection.close();
    }
  });
});
