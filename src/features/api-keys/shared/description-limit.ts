/** ", up to 300 characters" where the generation limits descriptions; nothing where it does not. */
export const descriptionLimit = (max: number | null) =>
  max === null ? '' : `, up to ${max} characters`;
