import { z } from 'zod';
import { shopSchema } from './schema';

/**
 * The JSON Schema of a shop file (what an editor validates against). Cross-field rules — one default
 * payment method, unique codes, known country and currency — live in validate.ts and are described here.
 */
export function shopJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(shopSchema, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
  return {
    ...schema,
    $id: 'https://pos-provisioner.local/shop.schema.json',
    title: 'POS Provisioner shop file',
    description:
      'One shop to provision on an ERPNext site. Also checked before a run: country and currency must be known to ERPNext, exactly one payment method is the default, payment methods, demo item codes and cashiers are unique, opening balances name listed payment methods.',
  };
}
