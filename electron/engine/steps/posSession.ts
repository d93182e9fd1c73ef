import { ErpNextError } from '../../erpnext/errors';
import type { Doc } from '../../erpnext/types';
import { StepId } from '../../../shared/steps/catalog';
import { ensureRecord, noteChange } from '../ensure';
import type { StepBody, StepContext } from '../stepContext';

interface BalanceRow {
  mode_of_payment: string;
  opening_amount: number;
}

function openingBalances(ctx: StepContext, modes: string[]): BalanceRow[] {
  const given = Object.fromEntries(Object.entries(ctx.shop.pos.openingBalances ?? {}).map(([mode, amount]) => [mode.toLowerCase(), amount]));
  return modes.map((mode) => ({ mode_of_payment: mode, opening_amount: given[mode.toLowerCase()] ?? 0 }));
}

/**
 * What the POS page itself looks for: the cashier's submitted entry with no closing (§4.10). ERPNext 15
 * accepts a second open entry, so one can appear when a create whose answer was lost commits after all:
 * the oldest is kept and the extras this API user created are cancelled.
 */
async function findOpen(ctx: StepContext, profile: string, user: string): Promise<Doc | null> {
  const rows = await ctx.client.list('POS Opening Entry', {
    fields: ['name', 'status', 'period_start_date', 'owner'],
    filters: [['pos_profile', '=', profile], ['user', '=', user], ['docstatus', '=', 1], ['status', '=', 'Open']],
    orderBy: 'creation asc',
    limitPageLength: 0,
  });
  const [oldest, ...extras] = rows;
  for (const extra of extras) await cancelDuplicate(ctx, extra, oldest!);
  return oldest ?? null;
}

async function cancelDuplicate(ctx: StepContext, extra: Doc, kept: Doc): Promise<void> {
  if (extra.owner !== ctx.output(StepId.EngineCheck).user) {
    ctx.log.warn(`POS Opening Entry ${extra.name} is a second open session next to ${kept.name}, opened by ${String(extra.owner)}: left as it is`);
    return;
  }
  ctx.action(`Cancelling duplicate session ${extra.name}`);
  await ctx.client.cancel('POS Opening Entry', extra.name);
  ctx.effects.changed.push(`Duplicate POS Opening Entry ${extra.name} cancelled`);
  ctx.log.warn(`Cancelled POS Opening Entry ${extra.name}: a second open session next to ${kept.name} that a late-saved request of ours created`);
}

/** A draft left by an interrupted run is submitted when it matches this shop's payment modes, removed otherwise. */
async function settleDrafts(ctx: StepContext, profile: string, user: string, modes: string[]): Promise<Doc | null> {
  const drafts = await ctx.client.list('POS Opening Entry', { filters: [['pos_profile', '=', profile], ['user', '=', user], ['docstatus', '=', 0]], orderBy: 'creation desc', limitPageLength: 0 });
  let submitted: Doc | null = null;
  for (const draft of drafts) {
    const doc = await ctx.client.getDoc('POS Opening Entry', draft.name);
    const draftModes = ((doc.balance_details as BalanceRow[] | undefined) ?? []).map((row) => row.mode_of_payment).sort();
    if (!submitted && draftModes.join('|') === [...modes].sort().join('|')) {
      ctx.action(`Submitting leftover draft ${draft.name}`);
      submitted = await ctx.client.submit('POS Opening Entry', draft.name);
      noteChange(ctx, `POS Opening Entry ${draft.name} (leftover draft submitted)`);
      continue;
    }
    ctx.action(`Removing leftover draft ${draft.name}`);
    await ctx.client.delete('POS Opening Entry', draft.name).catch((error: unknown) => {
      if (!(error instanceof ErpNextError && error.code === 'not_found')) throw error;
    });
    noteChange(ctx, `POS Opening Entry ${draft.name} (stale draft removed)`);
  }
  return submitted;
}

/**
 * Step 9: one open POS session for the cashier. ERPNext 15 accepts duplicate open entries (§4.10), so
 * we look for an open one (and for drafts) before creating one, submitted in the same request.
 */
export const posSession: StepBody<typeof StepId.PosSession> = async (ctx) => {
  const { company } = ctx.output(StepId.Company);
  const { profile, cashiers, paymentModes } = ctx.output(StepId.PosProfile);
  const cashier = cashiers[0]!;
  const { record } = await ensureRecord<Doc>(ctx, {
    what: `POS Opening Entry for ${cashier} on ${profile}`,
    find: () => findOpen(ctx, profile, cashier),
    create: async () => {
      const submittedDraft = await settleDrafts(ctx, profile, cashier, paymentModes);
      if (submittedDraft) return submittedDraft;
      const { date, datetime } = ctx.siteNow();
      return ctx.client.insert('POS Opening Entry', {
        company,
        pos_profile: profile,
        user: cashier,
        period_start_date: datetime,
        posting_date: date,
        balance_details: openingBalances(ctx, paymentModes),
        docstatus: 1,
      });
    },
  });
  return { openingEntry: record.name, cashier };
};
