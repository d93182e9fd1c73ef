// Regenerates shared/shop/shop.schema.json from the zod schema (a test fails when it is stale).
import { writeFileSync } from 'node:fs';
import { shopJsonSchema } from '../shared/shop/jsonSchema';

const target = new URL('../shared/shop/shop.schema.json', import.meta.url);
writeFileSync(target, `${JSON.stringify(shopJsonSchema(), null, 2)}\n`);
console.log(`wrote ${target.pathname}`);
