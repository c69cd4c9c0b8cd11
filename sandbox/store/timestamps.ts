/** Gcore's timestamps: UTC with `Z`, without milliseconds unless they carry information. */
export const isoUtc = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

/** Whole seconds, as Gcore keeps a key's times. */
export const wholeSeconds = (ms: number) => Math.floor(ms / 1000) * 1000;
