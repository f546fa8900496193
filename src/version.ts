export const NAHR_VERSION = '0.1.0';
