import { useEffect, useState } from 'react';
import { CREATE_MODE_CHOICE } from '../../../shared/shop';
import { useShops } from '../../state/shops';

/** The site's Modes of Payment (asked through main once per form); null until known or when the site cannot answer. */
export function useModesOfPayment(siteId: string): string[] | null {
  const modesOfPayment = useShops((state) => state.modesOfPayment);
  const [modes, setModes] = useState<{ siteId: string; modes: string[] | null } | null>(null);
  useEffect(() => {
    let current = true;
    void modesOfPayment(siteId).then((result) => {
      if (current) setModes({ siteId, modes: result.ok ? result.value : null });
    });
    return () => {
      current = false;
    };
  }, [modesOfPayment, siteId]);
  return modes?.siteId === siteId ? modes.modes : null;
}

/**
 * Payment methods the site does not have and the installer did not ask to create, by row: the run
 * would stop at them (so "Cahs" never becomes master data by accident).
 */
export function unknownModeWarnings(methods: { key: string; mode: string; create: boolean }[], siteModes: string[] | null): Map<string, string> {
  const warnings = new Map<string, string>();
  if (!siteModes || siteModes.length === 0) return warnings;
  const known = new Set(siteModes.map((mode) => mode.toLowerCase()));
  const examples = siteModes.slice(0, 4).join(', ');
  for (const method of methods) {
    const mode = method.mode.trim();
    if (mode && !method.create && !known.has(mode.toLowerCase())) {
      warnings.set(method.key, `"${mode}" is not a Mode of Payment on this site, so the run would stop before creating anything. Check the spelling, pick one the site has (${examples}…), or tick "${CREATE_MODE_CHOICE}".`);
    }
  }
  return warnings;
}
