export const BETA = 'beta';
export const BETA_VERSION = '1.0.0';
