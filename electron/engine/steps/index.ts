import { StepId } from '../../../shared/steps/catalog';
import type { StepBody } from '../stepContext';
import { chartOfAccounts } from './chartOfAccounts';
import { company } from './company';
import { customer } from './customer';
import { demoItems } from './demoItems';
import { engineCheck } from './engineCheck';
import { platformSetup } from './platformSetup';
import { posProfile } from './posProfile';
import { posSession } from './posSession';
import { postSetup } from './postSetup';
import { settings } from './settings';
import { warehouses } from './warehouses';

/** Each step's body; the catalog in shared/ says when it runs. */
export const STEP_BODIES: { [K in StepId]: StepBody<K> } = {
  [StepId.EngineCheck]: engineCheck,
  [StepId.PlatformSetup]: platformSetup,
  [StepId.Company]: company,
  [StepId.ChartOfAccounts]: chartOfAccounts,
  [StepId.Warehouses]: warehouses,
  [StepId.Settings]: settings,
  [StepId.DemoItems]: demoItems,
  [StepId.Customer]: customer,
  [StepId.PosProfile]: posProfile,
  [StepId.PosSession]: posSession,
  [StepId.PostSetup]: postSetup,
};
