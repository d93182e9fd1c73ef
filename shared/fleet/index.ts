export { FLEET_COLUMNS, type FleetColumn } from './columns';
export { type FleetEntry, type FleetFormat, type FleetIssue, type FleetParse, fleetFormat, parseFleet } from './parse';
export type { FleetMove, FleetShopRow, FleetShopState, FleetStatus } from './status';
