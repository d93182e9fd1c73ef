import { ErpNextError } from '../../erpnext/errors';
import type { Doc } from '../../erpnext/types';
import { StepId } from '../../../shared/steps/catalog';
import { ensureRecord, noteChange } from '../ensure';
import { planContext } from '../plan/context';
import { type SessionState, planPosSession, sortSessions } from '../plan/posSession';
import type { OpeningFacts } from '../reads/facts';
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
 * ERPNext 15 accepts a second open entry, so one can appear when a create whose answer was lost commits
 * after all: the oldest is kept and the extras this API user created are cancelled.
 */
async function cancelDuplicates(ctx: StepContext, state: SessionState): Promise<void> {
  const kept = state.open!;
  for (const extra of state.foreign) ctx.log.warn(`POS Opening Entry ${extra.name} is a second open session next to ${kept.name}, opened by ${extra.owner}: left as it is`);
  for (const extra of state.duplicates) {
    ctx.action(`Cancelling duplicate session ${extra.name}`);
    await ctx.client.cancel('POS Opening Entry', extra.name);
    ctx.effects.changed.push(`Duplicate POS Opening Entry ${extra.name} cancelled`);
    ctx.log.warn(`Cancelled POS Opening Entry ${extra.name}: a second open session next to ${kept.name} that a late-saved request of ours created`);
  }
}

/** The site as it is now: what the POS page itself looks for, the cashier's submitted entry with no closing (§4.10). */
async function findNow(ctx: StepContext, profile: string, cashier: string): Promise<OpeningFacts | null> {
  ctx.reads.cache.forget('POS Opening Entry');
  const state = sortSessions(await ctx.reads.openings(profile, cashier), profile, cashier, ctx.output(StepId.EngineCheck).user);
  if (state.open) await cancelDuplicates(ctx, state);
  return state.open;
}

async function freshDrafts(ctx: StepContext, profile: string, cashier: string): Promise<OpeningFacts[]> {
  ctx.reads.cache.forget('POS Opening Entry');
  return sortSessions(await ctx.reads.openings(profile, cashier), profile, cashier, ctx.output(StepId.EngineCheck).user).drafts;
}

/** A draft left by an interrupted run is submitted when it matches this shop's payment modes, removed otherwise. */
async function settleDrafts(ctx: StepContext, drafts: readonly OpeningFacts[], modes: string[]): Promise<Doc | null> {
  let submitted: Doc | null = null;
  for (const draft of drafts) {
    if (!submitted && [...draft.modes].sort().join('|') === [...modes].sort().join('|')) {
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
  ctx.action(`Looking for ${cashier}'s open POS session`);
  const { state } = await planPosSession(planContext(ctx));
  if (state.open) await cancelDuplicates(ctx, state);
  let planned: readonly OpeningFacts[] | null = state.drafts;
  const { record } = await ensureRecord<{ name: string }>(ctx, {
    what: `POS Opening Entry for ${cashier} on ${profile}`,
    known: state.open,
    find: () => findNow(ctx, profile, cashier),
    // The name ERPNext generated (POS-OPE-…): recorded as soon as it is known.
    target: (doc) => ({ doctype: 'POS Opening Entry', name: doc.name }),
    create: async () => {
      // The planned drafts on the first send; as they are now on a later one (an earlier send may have settled some).
      const drafts = planned ?? (await freshDrafts(ctx, profile, cashier));
      planned = null;
      const submittedDraft = await settleDrafts(ctx, drafts, paymentModes);
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
