export * from './deployment-key';
export * from './instance-broadcast';
