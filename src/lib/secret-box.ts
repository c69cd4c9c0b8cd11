/**
 * Holds a secret that must become unreachable on demand. React keeps a component's previous
 * render (its fiber's alternate, and the closures created in it) until a later render replaces
 * it, so dropping the last reference from state is not enough: whatever still reaches the box
 * after `wipe()` reaches nothing.
 */
export type SecretBox = {
  /** The secret, or '' once wiped. */
  read: () => string;
  wipe: () => void;
};

export function secretBox(secret: string): SecretBox {
  let value: string | null = secret;
  return {
    read: () => value ?? '',
    wipe: () => {
      value = null;
    },
  };
}
