import { useEffect, useState } from 'react';
import { useShops } from '../../state/shops';

export interface ChartTemplates {
  charts: string[];
  loading: boolean;
  /** The site could not answer: only "Standard" (which every ERPNext has) is offered. */
  fellBack: boolean;
}

const STANDARD = ['Standard'];

/** The chart of accounts templates the site offers for the country, asked through main. */
export function useChartTemplates(siteId: string, country: string): ChartTemplates {
  const chartsFor = useShops((state) => state.chartsFor);
  const [found, setFound] = useState<{ country: string; charts: string[]; fellBack: boolean } | null>(null);
  useEffect(() => {
    if (!country) return;
    let current = true;
    void chartsFor(siteId, country).then((result) => {
      if (!current) return;
      const charts = result.ok && result.value.length > 0 ? result.value : STANDARD;
      setFound({ country, charts, fellBack: !result.ok });
    });
    return () => {
      current = false;
    };
  }, [chartsFor, siteId, country]);
  if (!country) return { charts: STANDARD, loading: false, fellBack: false };
  if (found?.country !== country) return { charts: found?.charts ?? STANDARD, loading: true, fellBack: false };
  return { charts: found.charts, loading: false, fellBack: found.fellBack };
}
