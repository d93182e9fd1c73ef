import { useEffect, useState } from 'react';
import type { RunListItem } from '../../../shared/ipc/contract';
import { api } from '../../api';
import { useRuns } from '../../state/runs';

/** The shop's runs (newest first) for the run filter; asked again when a new run begins. */
export function useShopRuns(shopId: string): RunListItem[] {
  const [runs, setRuns] = useState<RunListItem[]>([]);
  const currentRunId = useRuns((state) => state.views[shopId]?.run.id);
  useEffect(() => {
    let current = true;
    void api.listRuns(shopId).then((result) => {
      if (current && result.ok) setRuns(result.value.map((entry) => entry.run));
    });
    return () => {
      current = false;
    };
  }, [shopId, currentRunId]);
  return runs;
}
