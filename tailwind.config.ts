import type { Config } from 'tailwindcss';

// Read by Tailwind 4 through `@config` in src/index.css; what gets scanned is set there too.
export default {
  content: ['./index.html', './src/**/*.{ts,tsx}'],
  theme: {
    extend: {
      colors: {
        brand: {
          50: '#fff4ed',
          100: '#ffe6d4',
          600: '#e5531a',
          700: '#be3d12',
          800: '#972f14',
        },
      },
      fontFamily: {
        mono: ['ui-monospace', 'SFMono-Regular', 'Menlo', 'Consolas', 'monospace'],
      },
    },
  },
} satisfies Config;
