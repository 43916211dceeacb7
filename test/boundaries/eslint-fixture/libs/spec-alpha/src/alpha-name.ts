export const ALPHA_NAME = 'alpha';
