export { ProvisioningService, NotFoundError, type ServiceOptions, type SiteInput } from './service';
export { RunLockedError } from '../engine/controller';
