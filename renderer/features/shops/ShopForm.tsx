import { type FocusEvent, type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import type { ShopSummary } from '../../../shared/ipc/contract';
import type { ApiError } from '../../../shared/ipc/result';
import { type ShopIssue, validateShop } from '../../../shared/shop';
import { StepId } from '../../../shared/steps/catalog';
import { announce } from '../../state/announcer';
import { hrefFor, navigate } from '../../state/navigation';
import { useShops } from '../../state/shops';
import { ErrorNotice } from '../ui/ErrorNotice';
import { CashiersFields } from './CashiersFields';
import { CompanyFields } from './CompanyFields';
import { DemoItemsField } from './DemoItemsField';
import { ImportShopFile } from './ImportShopFile';
import { IssueSummary } from './IssueSummary';
import { PaymentMethodsFields } from './PaymentMethodsFields';
import { PlaceFields } from './PlaceFields';
import type { SectionProps } from './sectionProps';
import { type ShopDraft, draftFromFile, draftToFile, emptyDraft } from './shopDraft';
import { methodFieldId, placeIssues } from './shopIssues';
import { unknownModeWarnings, useModesOfPayment } from './useModesOfPayment';
import { SiteChecksNote } from './SiteChecksNote';
import { useSiteChecks } from './useSiteChecks';

/**
 * The shop form. Validated as you go with the CLI's own rules (`validateShop`): a field shows its
 * problems once you leave it, and every problem shows at once when you save or import a file.
 */
export function ShopForm({ siteId, shop }: { siteId: string; shop?: ShopSummary }) {
  const save = useShops((state) => state.save);
  // A shop whose run skips Demo items shows them off: saving it as it stands keeps them skipped.
  const demoSkipped = Boolean(shop?.skippedSteps.includes(StepId.DemoItems));
  const [draft, setDraft] = useState<ShopDraft>(() => (shop ? { ...draftFromFile(shop.config), ...(demoSkipped ? { demoItems: false } : {}) } : emptyDraft()));
  const siteModes = useModesOfPayment(siteId);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [showAll, setShowAll] = useState(false);
  const [serverIssues, setServerIssues] = useState<ShopIssue[]>([]);
  const [saveError, setSaveError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  const [summaryFocus, setSummaryFocus] = useState(0);
  const summary = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (summaryFocus > 0) summary.current?.focus();
  }, [summaryFocus]);

  const file = useMemo(() => draftToFile(draft), [draft]);
  const validation = useMemo(() => validateShop(file), [file]);
  const placed = placeIssues([...(validation.ok ? [] : validation.issues), ...serverIssues], draft);
  const siteChecks = useSiteChecks(siteId, file, validation.ok);
  // What the site says (the Start preflight's own checks) shows as warnings under the field it is about.
  const siteIssues: ShopIssue[] = siteChecks.state === 'checked' ? siteChecks.conflicts.flatMap((c) => (c.field ? [{ path: c.field, message: `${c.reason}${c.hint ? ` ${c.hint}` : ''}` }] : [])) : [];
  const warnings = placeIssues([...validation.warnings, ...siteIssues], draft);
  const modeWarnings = unknownModeWarnings(draft.paymentMethods, siteModes);
  for (const [key, warning] of modeWarnings) warnings.byField.set(methodFieldId(key, 'mode'), [...(warnings.byField.get(methodFieldId(key, 'mode')) ?? []), warning]);
  const sectionProps: SectionProps = {
    draft,
    change: (update) => {
      setDraft(update);
      setServerIssues([]);
    },
    errorsOf: (id) => (showAll || touched.has(id) ? (placed.byField.get(id) ?? []) : []),
    warningsOf: (id) => warnings.byField.get(id) ?? [],
  };
  const leave = (event: FocusEvent<HTMLFormElement>) => {
    const id = event.target.id || event.target.closest('fieldset')?.id;
    if (id && !touched.has(id)) setTouched(new Set(touched).add(id));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setShowAll(true);
    setSaveError(null);
    if (!validation.ok) return setSummaryFocus((n) => n + 1);
    setSaving(true);
    const result = await save({ siteId, shopId: shop?.id, config: file });
    setSaving(false);
    if (!result.ok) return setSaveError(result.error);
    if (!result.value.saved) {
      setServerIssues(result.value.issues);
      return setSummaryFocus((n) => n + 1);
    }
    announce(`Shop ${result.value.shop.name} saved.`);
    navigate({ name: 'run', siteId, shopId: result.value.shop.id });
  };

  const showSummary = showAll && (placed.byField.size > 0 || placed.unplaced.length > 0);
  return (
    <>
      <ImportShopFile
        onLoaded={(config, hasIssues) => {
          setDraft(draftFromFile(config));
          setServerIssues([]);
          setShowAll(hasIssues);
        }}
      />
      <form className="form" onSubmit={(event) => void submit(event)} onBlur={leave} noValidate aria-label="Shop" data-testid="shop-form">
        {showSummary && <IssueSummary placed={placed} ref={summary} />}
        {saveError && <ErrorNotice problem={saveError} title="The shop was not saved" />}
        <SiteChecksNote checks={siteChecks} />
        <CompanyFields siteId={siteId} companyExists={Boolean(shop?.companyExists)} {...sectionProps} />
        <PaymentMethodsFields {...sectionProps} siteModes={siteModes} />
        <CashiersFields {...sectionProps} />
        <PlaceFields {...sectionProps} />
        <DemoItemsField {...sectionProps} skippedInRun={demoSkipped} />
        <div className="button-row form-actions">
          <button type="submit" className="button-primary button-big" disabled={saving} data-testid="save-shop">
            {saving ? 'Saving…' : 'Save shop'}
          </button>
          <a className="button" href={shop ? hrefFor({ name: 'run', siteId, shopId: shop.id }) : hrefFor({ name: 'site', siteId })}>
            Cancel
          </a>
        </div>
      </form>
    </>
  );
}
