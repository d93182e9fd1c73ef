export * from './types';
export * from './summary';
export * from './diff';
