export * from './codes';
export * from './catalog';
export * from './erpnextMessages';
export * from './describe';
