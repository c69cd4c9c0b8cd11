import type { ComponentProps } from 'react';

const VARIANTS = {
  primary:
    'bg-accent text-accent-fg hover:bg-accent-hover disabled:bg-accent/60 focus-visible:outline-focus',
  secondary:
    'border border-line-strong bg-surface text-fg hover:bg-surface-muted disabled:text-fg-subtle focus-visible:outline-focus',
  danger:
    'bg-danger-solid text-danger-solid-fg hover:bg-danger-solid-hover disabled:bg-danger-solid/60 focus-visible:outline-focus',
  ghost: 'text-fg-muted hover:bg-surface-muted focus-visible:outline-focus',
} as const;

export type ButtonProps = ComponentProps<'button'> & {
  variant?: keyof typeof VARIANTS;
};

export function Button({
  variant = 'secondary',
  className = '',
  type = 'button',
  ...props
}: ButtonProps) {
  return (
    <button
      type={type}
      className={`inline-flex items-center justify-center gap-2 rounded-md px-3.5 py-2 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 disabled:cursor-not-allowed ${VARIANTS[variant]} ${className}`}
      {...props}
    />
  );
}
