import { defaultDbFile } from './paths';

// Its own module so that `pos-provisioner --help` prints it without loading the engine, the store or
// the sandbox (the entry imports only this file for help).

export const USAGE = `usage: pos-provisioner <command> [options]

commands:
  run --shop FILE [--site URL] [--db FILE] [--json]   provision a shop (built-in sandbox when no site is given)
  plan --shop FILE [--site URL] [--json]              what run would do on the site, per step and record (reads only)
  continue [--shop FILE]                              resume from the first failed or interrupted step
  retry [--shop FILE]                                 run every step again (completed ones only re-check)
  skip --step ID [--shop FILE]                        skip an optional step (step_6_demo_items)
  status [--shop FILE]                                show the shop's run
  logs [--step ID] [--level L] [--json]               print the shop's logs
  export-logs --out FILE                              write the support bundle (zip, no secrets)
  fleet --file FILE [--site URL] [--concurrency N]    provision every shop of a fleet file (.csv or .json), N at once;
                                                      run it again to resume: finished shops are skipped
  handover --out FILE [--shop FILE] [--run ID]        the shop owner's one-page handover sheet (HTML) of a finished run
  doctor [--shop FILE] [--site URL] [--json]         check a provisioned shop for drift (reads only):
                                                      exit 0 healthy, 2 degraded, 1 cannot sell
  doctor --repair [--yes]                             show the repair plan, ask (or --yes), fix what is safe, check again
  undo [--shop FILE] [--site URL] [--yes]             remove from ERPNext what this app created (restores what it changed);
                                                      asks for the company name unless --yes; run again to resume
  sandbox [--port N] [--db FILE] [--latency MS] [--faults SPEC]   start the ERPNext sandbox

options:
  --db FILE            local database (default: ${defaultDbFile()}, shared with the desktop app)
  --site URL           ERPNext site (or ERPNEXT_URL); credentials from ERPNEXT_API_KEY / ERPNEXT_API_SECRET;
                       plain http:// only to this computer or a private network, unless ERPNEXT_ALLOW_PLAIN_HTTP=1
  --json               one JSON event per line (plan: one JSON document)
  --concurrency N      most requests in flight against the site (default 4; starts at 2, adapts to the server);
                       for fleet: most shops in flight (default: the site's request limit)
  --rps N              cap on requests started per second (default: no cap)
  --probe-interval MS  first pause between probes while the site is unreachable (default 1000)
  --server-timeout S   how long ERPNext may keep working on one request (its http_timeout; default 120):
                       a create that got no answer is looked for, not resent, until then

exit codes: plan: 0 nothing to do, 2 changes to make, 1 conflicts (or the site could not be read), 64 bad input
            run: 0 COMPLETED, 2 PARTIAL, 1 FAILED, 64 bad usage or invalid shop file, 75 shop busy in another process, 130 interrupted
            (undo: 0 done or nothing to do, 1 refused, stopped or not confirmed, 64 bad input or no --yes off a terminal, 75 shop busy)
            (fleet: 0 all COMPLETED, 2 any PARTIAL, 1 any FAILED, 75 any busy elsewhere, 130 interrupted)`;
