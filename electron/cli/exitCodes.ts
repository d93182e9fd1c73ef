import { Health } from '../../shared/doctor';
import { RunStatus } from '../../shared/status';

/** Exit codes of `pos-provisioner` (documented in README). */
export const ExitCode = {
  Completed: 0,
  Failed: 1,
  Partial: 2,
  /** EX_USAGE: bad arguments or an invalid shop file. */
  Usage: 64,
  /** EX_TEMPFAIL: another process is running this shop; try again later. */
  Locked: 75,
  /** Interrupted by Ctrl-C: the run is paused and resumable with `continue`. */
  Interrupted: 130,
} as const;

export function exitCodeFor(status: RunStatus): number {
  if (status === RunStatus.Completed) return ExitCode.Completed;
  if (status === RunStatus.Partial) return ExitCode.Partial;
  return ExitCode.Failed;
}

/** `doctor`: like `terraform plan -detailed-exitcode`, a script can tell the three states apart. */
export function exitCodeForHealth(health: Health): number {
  if (health === Health.Healthy) return ExitCode.Completed;
  if (health === Health.Degraded) return ExitCode.Partial;
  return ExitCode.Failed;
}

export class UsageError extends Error {
  constructor(
    message: string,
    readonly details: string[] = [],
    /** Print the usage text too (for a wrong command line, not for a wrong file). */
    readonly showUsage = false,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}
