export * from './thidua.defaults';
