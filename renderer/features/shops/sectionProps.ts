import type { ShopDraft } from './shopDraft';

/** What every part of the shop form gets: the draft, a way to change it, and its fields' problems. */
export interface SectionProps {
  draft: ShopDraft;
  change(update: (draft: ShopDraft) => ShopDraft): void;
  errorsOf(fieldId: string): string[];
  warningsOf(fieldId: string): string[];
}
