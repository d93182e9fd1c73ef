export * from './schema';
export * from './validate';
export * from './demoItems';
export * from './abbreviation';
