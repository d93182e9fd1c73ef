import { useEffect, useState } from 'react';
import type { ApiError } from '../../../shared/ipc/result';
import type { UndoPreview, UndoResult } from '../../../shared/undo';
import { api } from '../../api';

export type UndoStage =
  | { stage: 'closed' }
  | { stage: 'loading' }
  | { stage: 'asking'; preview: UndoPreview }
  | { stage: 'removing'; preview: UndoPreview; lines: string[] }
  | { stage: 'done'; result: UndoResult }
  | { stage: 'error'; error: ApiError };

/**
 * The "Remove shop from ERPNext" flow: look (preview, reads only), ask, remove. Progress comes from the
 * shop's log entries undo writes as it goes (correlation id undo-…), so nothing new is pushed for it.
 */
export function useUndo(shopId: string) {
  const [state, setState] = useState<UndoStage>({ stage: 'closed' });
  const removing = state.stage === 'removing';
  useEffect(() => {
    if (!removing) return;
    return api.onLogEntries((entries) => {
      const mine = entries.filter((entry) => entry.shopId === shopId && entry.correlationId?.startsWith('undo-') && entry.level !== 'debug');
      if (mine.length) setState((now) => (now.stage === 'removing' ? { ...now, lines: [...now.lines, ...mine.map((entry) => entry.message)] } : now));
    });
  }, [removing, shopId]);
  return {
    state,
    open: async () => {
      setState({ stage: 'loading' });
      const result = await api.previewUndo(shopId);
      setState(result.ok ? { stage: 'asking', preview: result.value } : { stage: 'error', error: result.error });
    },
    confirm: async (preview: UndoPreview, typed: string) => {
      setState({ stage: 'removing', preview, lines: [] });
      const result = await api.undoShop({ shopId, confirmCompany: typed });
      setState(result.ok ? { stage: 'done', result: result.value } : { stage: 'error', error: result.error });
    },
    close: () => setState({ stage: 'closed' }),
  };
}
