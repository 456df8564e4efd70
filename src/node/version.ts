import pkg from '../../package.json';

/** The running Gloss version, as package.json states it. */
export const GLOSS_VERSION: string = pkg.version;
