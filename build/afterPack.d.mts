import type { AfterPackContextLike } from './fuses.mjs';

export default function afterPack(context: AfterPackContextLike): Promise<void>;
