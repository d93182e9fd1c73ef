/** A determinate progress bar with its label; `value` is 0..1. */
export function ProgressBar({ value, label, testId }: { value: number; label: string; testId?: string }) {
  const percent = Math.round(Math.min(1, Math.max(0, value)) * 100);
  return (
    <div className="progress" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-valuetext={`${percent}%`} data-testid={testId}>
      <div className="progress-fill" style={{ width: `${percent}%` }} />
    </div>
  );
}
